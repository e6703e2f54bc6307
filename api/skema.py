"""Additions to the OpenAPI schema that drf-spectacular cannot infer (imported by apps.py)."""

from drf_spectacular.extensions import OpenApiSerializerExtension


class KetatSkema(OpenApiSerializerExtension):
    """A `Ketat` body refuses fields it does not know (400 "Unknown field"): the schema says
    so with `additionalProperties: false`, so that clients and generated tests know it."""

    target_class = "api.medan.Ketat"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        skema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        return {**skema, "additionalProperties": False}
