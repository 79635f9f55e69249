"""Webhook secrets in the Standard Webhooks form ``whsec_<base64 of the key>``.

The key bytes stay the old secret's bytes, so what a partner computed before still holds;
the verifier libraries need the ``whsec_`` form, which the admin now shows.
"""

import base64

from django.db import migrations


def to_standard_form(apps, schema_editor):
    Subscription = apps.get_model("partner_api", "WebhookSubscription")
    for subscription in Subscription.objects.exclude(secret__startswith="whsec_"):
        encoded = base64.b64encode(subscription.secret.encode()).decode()
        if len(encoded) + 6 <= 100:  # longer ones keep working unprefixed (see signing_key)
            subscription.secret = f"whsec_{encoded}"
            subscription.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [("partner_api", "0002_change_feed_order_and_page_states")]

    operations = [migrations.RunPython(to_standard_form, migrations.RunPython.noop)]
