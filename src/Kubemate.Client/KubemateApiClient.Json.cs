using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubemate.Client;

/// <summary>The API writes enums as their names (the document's string enums); the generated settings need to be told.</summary>
public partial class KubemateApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}
