using System.Text.Json;

namespace Kubemate.Client;

/// <summary>The API writes enums as the document's string values; the generated settings need to be told.</summary>
public partial class KubemateApiClient
{
    /// <summary>The API's JSON as the document describes it (web defaults, enums by their document values), for code that converts to and from the generated types.</summary>
    public static JsonSerializerOptions DocumentJson { get; } = new(JsonSerializerDefaults.Web) { Converters = { new EnumMemberJsonConverterFactory() } };

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new EnumMemberJsonConverterFactory());
}
