using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Protobuf.Schema;

/// <summary>
/// A Kubernetes protobuf message: its fields in Go struct order (the order JSON is written in) and, for the few
/// types whose JSON is not an object (Time, Quantity, IntOrString…), the conversion of the decoded fields.
/// </summary>
public sealed class MessageSchema
{
    private readonly Dictionary<int, ProtoField> _byNumber;
    private readonly Func<JsonObject, JsonNode?>? _toJson;

    public MessageSchema(string name, IReadOnlyList<ProtoField> fields, Func<JsonObject, JsonNode?>? toJson = null)
    {
        Name = name;
        Fields = fields;
        _toJson = toJson;
        _byNumber = [];
        foreach (var field in fields)
        {
            if (!_byNumber.TryAdd(field.Number, field))
            {
                throw new ArgumentException($"{name} declares field number {field.Number} twice", nameof(fields));
            }
        }
    }

    /// <summary>The Go package and type, e.g. <c>core/v1 Container</c>, as named in error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<ProtoField> Fields { get; }

    /// <summary>Whether the type's JSON is not an object (a Time string, an IntOrString number or string…).</summary>
    public bool HasCustomJson => _toJson is not null;

    public ProtoField? Find(int number) => _byNumber.GetValueOrDefault(number);

    public JsonNode? ToJson(JsonObject decoded) => _toJson is null ? decoded : _toJson(decoded);

    public override string ToString() => Name;
}
