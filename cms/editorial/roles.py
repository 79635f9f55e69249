"""Editor groups, their page/snippet/media permissions and the sections' workflows.

Everything here is idempotent: :func:`setup_roles` can run after every deploy or demo load,
and :func:`configure_new_page` runs whenever a home page or a section's listing page is
created (a new locale's tree, a translation), so permissions and workflows hold in every
locale without anyone re-running a command.

Who may do what:

* communications: write and publish in every section and locale, review moderated content,
  manage the shared vocabularies;
* each section's writer roles (declared by the plugins): write in their own sections in
  every locale, start translations, review in light-workflow sections; never publish
  directly;
* translators: translate (start translations, e.g. from the translation status report, and
  edit pages in the non-source locales), never publish and never edit the Finnish source.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry

from cms.editorial.sections import (
    EditorialRole,
    EditorialSection,
    WorkflowKind,
    section_roles,
    sections,
)
from cms.plugins import ContentTypePlugin, registry

COMMUNICATIONS = EditorialRole("communications", "Viestintä", legacy_names=("Communications",))
TRANSLATORS = EditorialRole("translators", "Kääntäjät", legacy_names=("Translators",))

PUBLISHER_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
WRITER_PAGE_ACTIONS = ("add", "change", "lock", "unlock")
MEDIA_ACTIONS = ("add", "change", "choose")
#: Each language's home page sits right under the tree root.
HOME_DEPTH = 2
HOME_PAGE_ACTIONS = ("change", "publish")

# Workflow and task names are data that Wagtail shows as they are: Finnish, like the admin.
MODERATED_WORKFLOW = "Moderoitu julkaisu"
MODERATED_TASK = "Viestinnän tarkastus"
SECTION_WORKFLOW = "Osion tarkastus: {section}"
SECTION_TASK = "Osion tarkastus: {section}"
#: Names an earlier setup gave; renamed in place so existing pages keep their workflows.
LEGACY_NAMES = {
    MODERATED_WORKFLOW: "Moderated publishing",
    MODERATED_TASK: "Communications review",
    SECTION_WORKFLOW: "Section review: {key}",
}


@dataclass
class SetupReport:
    groups: int = 0
    page_permissions: int = 0
    workflows: int = 0


def source_language() -> str:
    return settings.LANGUAGE_CODE


def group_for(role: EditorialRole) -> Group:
    group = Group.objects.filter(name=role.name).first()
    if group is None:
        legacy = Group.objects.filter(name__in=role.legacy_names).first()
        if legacy is not None:
            legacy.name = role.name
            legacy.save(update_fields=["name"])
            return legacy
        group = Group.objects.create(name=role.name)
    return group


def _rename_legacy(model: type[Model], name: str, legacy_name: str | None) -> None:
    if legacy_name and not model.objects.filter(name=name).exists():
        model.objects.filter(name=legacy_name).update(name=name)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permission(model: type[Model], action: str) -> Permission:
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return Permission.objects.get(
        content_type=content_type, codename=f"{action}_{model._meta.model_name}"
    )


def _grant_page(group: Group, page: Page, actions: tuple[str, ...]) -> int:
    created = 0
    for action in actions:
        _object, was_created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )
        created += was_created
    return created


def _vocabulary_models() -> list[type[Model]]:
    return list(apps.get_app_config("vocabularies").get_models())


def _is_translatable(model: type[Model]) -> bool:
    return any(field.name == "translation_key" for field in model._meta.fields)


def _grant_model_permissions(
    group: Group, models: list[type[Model]], actions: tuple[str, ...]
) -> None:
    group.permissions.add(
        *(_model_permission(model, action) for model in models for action in actions)
    )


def _grant_media(group: Group, actions: tuple[str, ...] = MEDIA_ACTIONS) -> None:
    """Let ``group`` upload, edit and choose (``actions``) images and documents in the root
    collection.

    Wagtail's collection permission policies check the permissions of their ``auth_model``
    (``wagtailimages.Image``, ``wagtaildocs.Document``) whatever WAGTAILIMAGES_IMAGE_MODEL
    says, so those are the ones granted; the custom image model's own permissions would
    leave the image library and the chooser's upload tab closed.
    """
    root = Collection.get_first_root_node()
    for model in (get_image_model(), get_document_model()):
        auth_model = policy_registry.get_by_type(model).auth_model
        content_type = ContentType.objects.get_for_model(auth_model)
        codenames = [f"{action}_{auth_model._meta.model_name}" for action in actions]
        for permission in Permission.objects.filter(
            content_type=content_type, codename__in=codenames
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _ensure_app_permissions() -> None:
    """Model permissions exist before the first ``post_migrate`` in a fresh test database."""
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0)


def _workflow(
    name: str,
    task_name: str,
    groups: list[Group],
    legacy_names: tuple[str | None, str | None] = (None, None),
) -> Workflow:
    _rename_legacy(Workflow, name, legacy_names[0])
    _rename_legacy(GroupApprovalTask, task_name, legacy_names[1])
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.set(groups)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
        )
    return workflow


def workflow_for(plugin: ContentTypePlugin, section: EditorialSection) -> Workflow:
    """The moderated workflow, or the section's own light workflow."""
    communications = group_for(COMMUNICATIONS)
    if section.workflow == WorkflowKind.MODERATED:
        return _workflow(
            MODERATED_WORKFLOW,
            MODERATED_TASK,
            [communications],
            (LEGACY_NAMES[MODERATED_WORKFLOW], LEGACY_NAMES[MODERATED_TASK]),
        )
    reviewers = [communications, *(group_for(role) for role in section.roles)]
    with translation.override(settings.LANGUAGE_CODE):
        label = str(plugin.verbose_name_plural).lower()
    legacy = LEGACY_NAMES[SECTION_WORKFLOW].format(key=plugin.key)
    return _workflow(
        SECTION_WORKFLOW.format(section=label),
        SECTION_TASK.format(section=label),
        reviewers,
        (legacy, legacy),
    )


def configure_index_page(plugin: ContentTypePlugin, page: Page) -> int:
    """Give the section's groups their permissions on one listing page and attach its workflow.

    Returns the number of page permissions created (0 when all were there already).
    """
    section = plugin.contribution(EditorialSection)
    created = _grant_page(group_for(COMMUNICATIONS), page, PUBLISHER_PAGE_ACTIONS)
    for role in section.roles:
        created += _grant_page(group_for(role), page, WRITER_PAGE_ACTIONS)
    if page.locale.language_code != source_language():
        created += _grant_page(group_for(TRANSLATORS), page, WRITER_PAGE_ACTIONS)
    # An administrator may have attached another workflow on purpose: keep it.
    if not WorkflowPage.objects.filter(page=page).exists():
        WorkflowPage.objects.create(page=page, workflow=workflow_for(plugin, section))
    return created


#: Wagtail's migrations create a default workflow and groups with English names.
WAGTAIL_DEFAULT_NAMES = {
    Workflow: {"Moderators approval": "Moderaattorien hyväksyntä"},
    GroupApprovalTask: {"Moderators approval": "Moderaattorien hyväksyntä"},
    Group: {"Moderators": "Moderaattorit", "Editors": "Toimittajat"},
}


@transaction.atomic
def setup_roles() -> SetupReport:
    """Create or update every group, permission and workflow; safe to run any number of times."""
    _ensure_app_permissions()
    for model, renames in WAGTAIL_DEFAULT_NAMES.items():
        for english, finnish in renames.items():
            _rename_legacy(model, finnish, english)
    report = SetupReport()
    communications = group_for(COMMUNICATIONS)
    translators = group_for(TRANSLATORS)
    writers = [group_for(role) for role in section_roles()]
    all_groups = [communications, translators, *writers]
    report.groups = len(all_groups)

    access_admin = _permission("wagtailadmin", "access_admin")
    view_report = _permission("editorial", "view_translation_report")
    for group in all_groups:
        group.permissions.add(access_admin, view_report)

    vocabularies = _vocabulary_models()
    _grant_model_permissions(communications, vocabularies, ("add", "change", "delete"))
    contact_models = [model for model in vocabularies if _is_translatable(model)]
    for group in writers:
        _grant_model_permissions(group, contact_models, ("add", "change"))
    # Vocabulary rows are not drafts: an edit is public at once, so translators get none
    # (an earlier setup granted "change"; take it back).
    translators.permissions.remove(
        *(_model_permission(model, "change") for model in contact_models)
    )
    submit_translation = _permission("wagtail_localize", "submit_translation")
    for group in all_groups:
        group.permissions.add(submit_translation)
    for group in [communications, *writers]:
        _grant_media(group)
    # A translation may swap an image or a document for one of its language: choose only.
    _grant_media(translators, ("choose",))

    for home in Page.objects.filter(depth=HOME_DEPTH):
        report.page_permissions += _grant_page(communications, home, HOME_PAGE_ACTIONS)
    for plugin, section in sections():
        # Also renames a workflow an earlier English setup made (pages keep it attached).
        workflow_for(plugin, section)
        for page in plugin.index_model.objects.select_related("locale"):
            report.page_permissions += configure_index_page(plugin, page)
    report.workflows = Workflow.objects.filter(workflow_pages__isnull=False).distinct().count()
    return report


def configure_new_page(page: Page) -> None:
    """Configure ``page`` when it is a language's home page or a section's listing page."""
    if page.depth == HOME_DEPTH:
        _grant_page(group_for(COMMUNICATIONS), page, HOME_PAGE_ACTIONS)
        return
    plugin = registry.for_index_model(type(page))
    if plugin is not None:
        configure_index_page(plugin, page)
