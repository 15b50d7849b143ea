from modeltranslation.translator import TranslationOptions, register

from practices.models import ClientGroup, PromisingPractice, Resource, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(ClientGroup)
class ClientGroupTranslation(TranslationOptions):
    fields = ("name",)


@register(PromisingPractice)
class PromisingPracticeTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "description", "outcomes", "lessons", "contact_role")


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "description")
