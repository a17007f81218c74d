using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.ApiMachinery.Structure;
using Kubemate.Schema.Parsing;
using Kubemate.Schema.Structural;

namespace Kubemate.Schema;

/// <summary>
/// One node of a CRD's <c>openAPIV3Schema</c>: the structural part (type, properties, items, additionalProperties,
/// the <c>x-kubernetes-*</c> extensions), the value validations and the logic junctors (allOf/anyOf/oneOf/not),
/// whose sub-schemas are nodes too. Immutable once parsed.
/// </summary>
public sealed class StructuralSchema
{
    private readonly Lazy<TypeShape> typeShape;

    internal StructuralSchema()
    {
        typeShape = new Lazy<TypeShape>(() => TypeShapeBuilder.Build(this));
    }

    /// <summary><c>object</c>, <c>array</c>, <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, or null when unset.</summary>
    public string? Type { get; internal init; }

    /// <summary>The format as written in the schema.</summary>
    public string? Format { get; internal init; }

    /// <summary>The format the apiserver checks (unsupported formats are dropped, as it does).</summary>
    public string? CheckedFormat { get; internal init; }

    public string? Description { get; internal init; }

    public bool Nullable { get; internal init; }

    /// <summary>The <c>default</c> value; null when there is none. Deep-clone before use.</summary>
    public JsonNode? Default { get; internal init; }

    public bool HasDefault { get; internal init; }

    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; internal init; } = new OrderedDictionary<string, StructuralSchema>();

    public IReadOnlyList<string> Required { get; internal init; } = [];

    /// <summary>The schema of map values (<c>additionalProperties: {schema}</c>).</summary>
    public StructuralSchema? AdditionalProperties { get; internal init; }

    /// <summary>True when <c>additionalProperties</c> is a schema or <c>true</c>, false when <c>false</c>, null when absent.</summary>
    public bool? AdditionalPropertiesAllowed { get; internal init; }

    public StructuralSchema? Items { get; internal init; }

    /// <summary>The allowed values, or null when there is no <c>enum</c>.</summary>
    public IReadOnlyList<JsonNode?>? Enum { get; internal init; }

    public string? Pattern { get; internal init; }

    internal Regex? PatternRegex { get; init; }

    internal string? PatternError { get; init; }

    public long? MinLength { get; internal init; }

    public long? MaxLength { get; internal init; }

    public long? MinItems { get; internal init; }

    public long? MaxItems { get; internal init; }

    public long? MinProperties { get; internal init; }

    public long? MaxProperties { get; internal init; }

    public double? Minimum { get; internal init; }

    public double? Maximum { get; internal init; }

    public bool ExclusiveMinimum { get; internal init; }

    public bool ExclusiveMaximum { get; internal init; }

    public double? MultipleOf { get; internal init; }

    public bool UniqueItems { get; internal init; }

    public IReadOnlyList<StructuralSchema> AllOf { get; internal init; } = [];

    public IReadOnlyList<StructuralSchema> AnyOf { get; internal init; } = [];

    public IReadOnlyList<StructuralSchema> OneOf { get; internal init; } = [];

    public StructuralSchema? Not { get; internal init; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields: true</c>: unknown fields below are kept, not pruned.</summary>
    public bool XPreserveUnknownFields { get; internal init; }

    /// <summary><c>x-kubernetes-embedded-resource: true</c>: the object is a resource with apiVersion, kind and metadata.</summary>
    public bool XEmbeddedResource { get; internal init; }

    /// <summary><c>x-kubernetes-int-or-string: true</c>: the value is an integer or a string.</summary>
    public bool XIntOrString { get; internal init; }

    /// <summary><c>x-kubernetes-list-type</c>: <c>atomic</c>, <c>set</c> or <c>map</c>; null when unset (atomic).</summary>
    public string? XListType { get; internal init; }

    public IReadOnlyList<string> XListMapKeys { get; internal init; } = [];

    /// <summary><c>x-kubernetes-map-type</c>: <c>granular</c> or <c>atomic</c>; null when unset.</summary>
    public string? XMapType { get; internal init; }

    /// <summary>The CEL rules (<c>x-kubernetes-validations</c>) of this node, compiled for its type.</summary>
    public IReadOnlyList<ValidationRule> XValidations { get; internal set; } = [];

    /// <summary>True when the node has allOf, anyOf, oneOf or not.</summary>
    internal bool HasJunctors => AllOf.Count > 0 || AnyOf.Count > 0 || OneOf.Count > 0 || Not is not null;

    /// <summary>Parses an <c>openAPIV3Schema</c> tree. Throws <see cref="SchemaFormatException"/> naming the keyword path when a keyword has the wrong shape.</summary>
    public static StructuralSchema Parse(JsonNode openApiV3Schema) => SchemaReader.Read(openApiV3Schema, FieldPath.Empty);

    /// <summary>
    /// Reports why <paramref name="schema"/> is not a structural schema the apiserver accepts for a v1 CRD, with field
    /// paths under <paramref name="path"/> (e.g. <c>spec.versions[0].schema.openAPIV3Schema</c>). Empty when it is fine.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckStructural(JsonNode schema, string path) =>
        StructuralChecker.Check(schema, FieldPath.Root(path));

    /// <summary>The merge-relevant shape: list kinds and map keys from <c>x-kubernetes-list-*</c>, atomic maps and structs.</summary>
    public TypeShape ToTypeShape() => typeShape.Value;
}
