from modeltranslation.translator import TranslationOptions, register

from discussions.models import Category


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")
