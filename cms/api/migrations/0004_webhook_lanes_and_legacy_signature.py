"""Webhook lanes (one delivery loop per subscriber at a time) and the legacy signature.

Subscriptions that exist now were set up when deliveries carried only
``X-Eduverkko-Signature``: they keep getting it (beside the Standard Webhooks headers)
until an administrator turns it off; new subscriptions never get it.
"""

from django.db import migrations, models


def keep_old_signature_for_existing(apps, schema_editor):
    Subscription = apps.get_model("partner_api", "WebhookSubscription")
    Subscription.objects.update(legacy_signature=True)


class Migration(migrations.Migration):
    dependencies = [
        ("partner_api", "0003_webhook_secrets_in_standard_format"),
    ]

    operations = [
        migrations.AddField(
            model_name="webhooksubscription",
            name="lane_leased_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="webhooksubscription",
            name="legacy_signature",
            field=models.BooleanField(
                default=False,
                help_text="Deprecated: adds X-Eduverkko-Signature for receivers written before Standard Webhooks. Turn off once the partner verifies the webhook-signature header.",
                verbose_name="also send the old signature header",
            ),
        ),
        migrations.RunPython(keep_old_signature_for_existing, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="webhookdelivery",
            index=models.Index(
                fields=["status", "subscription", "id"], name="webhook_delivery_queue"
            ),
        ),
    ]
