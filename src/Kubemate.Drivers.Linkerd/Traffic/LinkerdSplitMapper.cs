using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Traffic;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Traffic;

/// <summary>
/// Traffic splits for Linkerd. New splits use the driver's API; a split read from the other API keeps it
/// (recorded as the <c>splitApi</c> hint), so editing an old SMI split does not turn it into an HTTPRoute.
/// </summary>
internal sealed class LinkerdSplitMapper(SplitApi defaultApi) : IModelMapper
{
    public bool Handles(IMeshModel model) => model is TrafficSplit;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var split = (TrafficSplit)model;
        return ApiOf(split) == SplitApi.GatewayApi ? GatewayApiSplit.Validate(split) : SmiSplit.Validate(split);
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var split = (TrafficSplit)model;
        var api = ApiOf(split);
        yield return api == SplitApi.GatewayApi
            ? GatewayApiSplit.Render(split)
            : SmiSplit.Render(split, api, ModelHints.Of(split)[SmiSplit.MilliHint]?.GetValue<bool>() == true);
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var route in pool.Unclaimed(LinkerdNames.GatewayGroup, "HTTPRoute"))
        {
            var split = GatewayApiSplit.Read(route, out var reason);
            if (split is null)
            {
                pool.Decline(route, reason);
                continue;
            }
            pool.Claim(route);
            yield return WithApiHint(split, SplitApi.GatewayApi, milli: false);
        }
        foreach (var obj in pool.Unclaimed(LinkerdNames.SmiGroup, "TrafficSplit"))
        {
            var split = SmiSplit.Read(obj, out var api, out var milli, out var reason);
            if (split is null)
            {
                pool.Decline(obj, reason);
                continue;
            }
            pool.Claim(obj);
            yield return WithApiHint(split, api, milli);
        }
    }

    private SplitApi ApiOf(TrafficSplit split) => SplitApiNames.FromHint(ModelHints.String(split, "splitApi")) ?? defaultApi;

    private TrafficSplit WithApiHint(TrafficSplit split, SplitApi api, bool milli)
    {
        var hints = new JsonObject();
        if (api != defaultApi)
        {
            hints["splitApi"] = SplitApiNames.HintValue(api);
        }
        if (milli)
        {
            hints[SmiSplit.MilliHint] = true;
        }
        return ModelHints.With(split, hints);
    }
}
