from modeltranslation.translator import TranslationOptions, register

from recommendations.models import Recommendation, StatusUpdate


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "text")


@register(StatusUpdate)
class StatusUpdateTranslation(TranslationOptions):
    fields = ("note",)
