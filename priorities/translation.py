from modeltranslation.translator import TranslationOptions, register

from priorities.models import Exercise


@register(Exercise)
class ExerciseTranslation(TranslationOptions):
    fields = ("title", "intro")
