from modeltranslation.translator import TranslationOptions, register

from workinggroup.models import Organization, ProvinceTerritory, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(ProvinceTerritory)
class ProvinceTerritoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
