using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    private async Task Get(ApiRequest request)
    {
        var stored = store.Get(request.Key(request.Info.Name)) ?? throw NotFound(request);
        if (request.WantsTable)
        {
            await ResponseWriter.WriteJson(request.Http, 200, TableConverter.ToTable(request.Type, [stored.Object], stored.ResourceVersion, IncludeObject(request), Now));
            return;
        }
        await ResponseWriter.WriteBytes(request.Http, 200, stored.Json);
    }

    private async Task List(ApiRequest request)
    {
        var filter = ListFilter.FromQuery(request);
        var ns = request.Type.Namespaced && request.Info.Namespace.Length > 0 ? request.Info.Namespace : null;
        var list = store.List(request.Type.StorageKey, ns);
        var matching = list.Items.Where(s => filter.Matches(s.Object));
        var page = Paging.Take(matching, request.Query, list.Revision);

        if (request.WantsTable)
        {
            var table = TableConverter.ToTable(request.Type, page.Items.Select(s => s.Object), list.Revision, IncludeObject(request), Now);
            if (page.Continue is not null)
            {
                table.Metadata()["continue"] = page.Continue;
            }
            await ResponseWriter.WriteJson(request.Http, 200, table);
            return;
        }
        await WriteList(request, page, list.Revision);
    }

    /// <summary>Writes the list by splicing each object's cached JSON bytes: no re-serialisation of items.</summary>
    private async Task WriteList(ApiRequest request, Paging.Page page, long revision)
    {
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        var header = new StringBuilder()
            .Append("{\"kind\":").Append(JsonSerializer.Serialize(request.Type.ListKind))
            .Append(",\"apiVersion\":").Append(JsonSerializer.Serialize(request.Type.GroupVersion))
            .Append(",\"metadata\":{\"resourceVersion\":\"").Append(revision.ToString(CultureInfo.InvariantCulture)).Append('"');
        if (page.Continue is not null)
        {
            header.Append(",\"continue\":").Append(JsonSerializer.Serialize(page.Continue));
            header.Append(",\"remainingItemCount\":").Append(page.Remaining.ToString(CultureInfo.InvariantCulture));
        }
        header.Append("},\"items\":[");
        var body = response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes(header.ToString()), request.Http.RequestAborted);
        var first = true;
        foreach (var item in page.Items)
        {
            if (!first)
            {
                await body.WriteAsync(Comma, request.Http.RequestAborted);
            }
            first = false;
            await body.WriteAsync(item.Json, request.Http.RequestAborted);
        }
        await body.WriteAsync(Close, request.Http.RequestAborted);
    }

    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] Close = "]}"u8.ToArray();

    private static bool IncludeObject(ApiRequest request) => request.Query["includeObject"].FirstOrDefault() == "Object";

    private static ApiError NotFound(ApiRequest request) =>
        ApiError.NotFound(request.Type.Group, request.Type.Plural, request.Info.Name);
}
