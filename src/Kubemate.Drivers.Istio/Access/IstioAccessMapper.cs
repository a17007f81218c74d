using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.References;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Istio.Access;

/// <summary>
/// An intent as one ALLOW AuthorizationPolicy on the target pods: one rule per source, whose <c>from</c> lists
/// each identity (principal or namespace, with the source's ipBlocks/notIpBlocks) and whose <c>to</c> lists the
/// port with each HTTP rule's methods and paths.
/// </summary>
internal sealed class IstioAccessMapper(string trustDomain) : IModelMapper
{
    public bool Handles(IMeshModel model) => model is AccessIntent;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var intent = (AccessIntent)model;
        var problems = new List<ValidationProblem>();
        if (intent.To.IsExternal)
        {
            problems.Add(new("to", "Istio selects the protected pods itself; give pods and port"));
        }
        if (intent.To.Pods?.MatchExpressions.Count > 0)
        {
            problems.Add(new("to.pods.matchExpressions", "Istio selects workloads by matchLabels only"));
        }
        if (intent.From.Count == 0)
        {
            problems.Add(new("from", "Istio cannot close one port without closing the whole workload; allow at least one source, or set the namespace default to deny"));
        }
        for (var i = 0; i < intent.From.Count; i++)
        {
            var source = intent.From[i];
            for (var j = 0; j < source.Identities.Count; j++)
            {
                if (IstioPrincipals.ToPrincipal(source.Identities[j], intent.Namespace, trustDomain) is null && source.Identities[j].Kind != PeerKind.Namespace)
                {
                    problems.Add(new($"from[{i}].identities[{j}]", "Istio needs the service account and its namespace (or the intent's namespace)"));
                }
            }
            var inside = source.Networks.SelectMany(n => n.Except.Select(e => (Network: n, Except: e)));
            foreach (var (network, except) in inside)
            {
                if (source.Networks.TakeWhile(n => n != network).Any(n => CidrChecks.TryParse(n.Cidr, out var outer) && CidrChecks.TryParse(except, out var inner) && CidrChecks.Contains(outer, inner)))
                {
                    problems.Add(new($"from[{i}].networks", $"Istio excludes {except} from every block; an earlier block contains it too"));
                }
            }
        }
        return problems;
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var intent = (AccessIntent)model;
        var policy = KubeJson.NewObject(IstioNames.SecurityV1, "AuthorizationPolicy", intent.Name, intent.Namespace);
        var spec = new JsonObject();
        if (intent.To.Pods is { } pods)
        {
            spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject(pods.MatchLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))) };
        }
        spec["action"] = "ALLOW";
        var operations = Operations(intent).ToList();
        spec["rules"] = KubeJson.ToArray(intent.From.Select(source =>
        {
            var rule = new JsonObject();
            var from = Sources(source, intent.Namespace).ToList();
            if (from.Count > 0)
            {
                rule["from"] = KubeJson.ToArray(from.Select(s => (JsonNode?)new JsonObject { ["source"] = s }));
            }
            if (operations.Count > 0)
            {
                rule["to"] = KubeJson.ToArray(operations.Select(o => (JsonNode?)new JsonObject { ["operation"] = o.DeepClone() }));
            }
            return (JsonNode?)rule;
        }));
        policy["spec"] = spec;
        yield return policy;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var policy in pool.Unclaimed(IstioNames.SecurityGroup, "AuthorizationPolicy"))
        {
            if (KubeJson.Object(policy, "spec") is not { Count: > 0 } || KubeJson.Name(policy) == IstioNames.AllowNothingPolicy)
            {
                continue;
            }
            var intent = Read(policy, out var reason);
            if (intent is null)
            {
                pool.Decline(policy, reason);
                continue;
            }
            pool.Claim(policy);
            yield return intent;
        }
    }

    private IEnumerable<JsonObject> Sources(AccessSource source, string? ns)
    {
        var blocks = new JsonObject();
        if (source.Networks.Count > 0)
        {
            blocks["ipBlocks"] = KubeJson.ToArray(source.Networks.Select(n => n.Cidr));
            var excepts = source.Networks.SelectMany(n => n.Except).ToList();
            if (excepts.Count > 0)
            {
                blocks["notIpBlocks"] = KubeJson.ToArray(excepts);
            }
        }
        if (source.Identities.Count == 0)
        {
            if (blocks.Count > 0)
            {
                yield return blocks;
            }
            yield break;
        }
        foreach (var peer in source.Identities)
        {
            var entry = peer.Kind == PeerKind.Namespace
                ? new JsonObject { ["namespaces"] = new JsonArray(peer.Name) }
                : new JsonObject { ["principals"] = new JsonArray(IstioPrincipals.ToPrincipal(peer, ns, trustDomain)) };
            foreach (var (key, value) in blocks)
            {
                entry[key] = value?.DeepClone();
            }
            yield return entry;
        }
    }

    private static IEnumerable<JsonObject> Operations(AccessIntent intent)
    {
        var ports = intent.To.Port?.Number is int port ? new JsonArray(port.ToString(CultureInfo.InvariantCulture)) : null;
        if (intent.Http.Count == 0)
        {
            if (ports is not null)
            {
                yield return new JsonObject { ["ports"] = ports };
            }
            yield break;
        }
        foreach (var rule in intent.Http)
        {
            var operation = new JsonObject();
            if (ports is not null)
            {
                operation["ports"] = ports.DeepClone();
            }
            if (rule.Methods.Count > 0)
            {
                operation["methods"] = KubeJson.ToArray(rule.Methods);
            }
            if (rule.PathPrefixes.Count > 0)
            {
                operation["paths"] = KubeJson.ToArray(rule.PathPrefixes.SelectMany(IstioPaths.ToPaths));
            }
            yield return operation;
        }
    }

    private AccessIntent? Read(JsonObject policy, out string reason)
    {
        reason = "";
        var spec = KubeJson.Object(policy, "spec")!;
        if ((KubeJson.String(spec, "action") ?? "ALLOW") != "ALLOW" || spec["provider"] is not null || spec["targetRefs"] is not null || spec["targetRef"] is not null)
        {
            reason = "only ALLOW policies on selected pods are intents";
            return null;
        }
        var rules = KubeJson.Array(spec, "rules") ?? [];
        if (rules.Count == 0 || rules.Any(r => r is not JsonObject))
        {
            reason = "a policy without rules allows nothing";
            return null;
        }
        var operations = KubeJson.Array(rules[0], "to");
        if (rules.Any(r => !JsonNode.DeepEquals(KubeJson.Array(r, "to"), operations)))
        {
            reason = "its rules allow different operations";
            return null;
        }
        var (port, http) = ReadOperations(operations, out reason);
        if (reason.Length > 0)
        {
            return null;
        }
        var labels = KubeJson.StringMap(KubeJson.Object(spec, "selector.matchLabels"));
        var sources = new List<AccessSource>();
        foreach (var rule in rules.Cast<JsonObject>())
        {
            if (ReadSource(KubeJson.Array(rule, "from")) is not AccessSource source)
            {
                reason = "a rule's sources are not identities sharing one set of ipBlocks";
                return null;
            }
            sources.Add(source);
        }
        var selected = spec["selector"] is not null;
        if (!selected && port is not null)
        {
            reason = "it limits ports without selecting pods";
            return null;
        }
        return new AccessIntent
        {
            Name = KubeJson.Name(policy),
            Namespace = KubeJson.Namespace(policy),
            To = selected ? new AccessTarget { Pods = new LabelSelector { MatchLabels = new ValueMap(labels) }, Port = port } : new AccessTarget { AllInNamespace = true },
            From = sources.ToValueList(),
            Http = http,
        };
    }

    private static (PortRef? Port, ValueList<HttpAccessRule> Http) ReadOperations(JsonArray? operations, out string reason)
    {
        reason = "";
        string? port = null;
        var rules = new List<HttpAccessRule>();
        foreach (var node in operations ?? [])
        {
            var operation = KubeJson.Object(node, "operation");
            if (operation is null || !KubeJson.HasOnly(operation, "ports", "methods", "paths") || !KubeJson.HasOnly(node as JsonObject, "operation"))
            {
                reason = "an operation uses fields the model lacks";
                return (null, []);
            }
            var ports = KubeJson.Strings(operation, "ports");
            if (ports.Count > 1 || (port is not null && ports.FirstOrDefault() != port))
            {
                reason = "its operations name different ports";
                return (null, []);
            }
            port = ports.FirstOrDefault() ?? port;
            var prefixes = IstioPaths.ToPrefixes(KubeJson.Strings(operation, "paths"));
            if (prefixes is null)
            {
                reason = "a path is not a prefix this driver writes";
                return (null, []);
            }
            var methods = KubeJson.Strings(operation, "methods");
            if (methods.Count > 0 || prefixes.Count > 0)
            {
                rules.Add(new HttpAccessRule { Methods = methods.ToValueList(), PathPrefixes = prefixes.ToValueList() });
            }
        }
        PortRef? portRef = port is null ? null : int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? PortRef.Of(number) : null;
        if (port is not null && portRef is null)
        {
            reason = $"port '{port}' is not a number";
        }
        return (portRef, rules.ToValueList());
    }

    private AccessSource? ReadSource(JsonArray? from)
    {
        if (from is null || from.Count == 0)
        {
            return new AccessSource { Unauthenticated = true };
        }
        JsonNode? blocks = null;
        var peers = new List<Peer>();
        var first = true;
        foreach (var node in from)
        {
            var source = KubeJson.Object(node, "source");
            if (source is null || !KubeJson.HasOnly(source, "principals", "namespaces", "ipBlocks", "notIpBlocks"))
            {
                return null;
            }
            var ipBlocks = new JsonObject { ["ipBlocks"] = source["ipBlocks"]?.DeepClone(), ["notIpBlocks"] = source["notIpBlocks"]?.DeepClone() };
            if (!first && !JsonNode.DeepEquals(blocks, ipBlocks))
            {
                return null;
            }
            blocks = ipBlocks;
            first = false;
            var principals = KubeJson.Strings(source, "principals");
            var namespaces = KubeJson.Strings(source, "namespaces");
            Peer? peer = (principals.Count, namespaces.Count) switch
            {
                (1, 0) => IstioPrincipals.FromPrincipal(principals[0], trustDomain),
                (0, 1) => Peer.ForNamespace(namespaces[0]),
                _ => null,
            };
            if (peer is null && (principals.Count > 0 || namespaces.Count > 0 || from.Count > 1))
            {
                return null;
            }
            if (peer is not null)
            {
                peers.Add(peer);
            }
        }
        var networks = Networks(KubeJson.Strings(blocks, "ipBlocks"), KubeJson.Strings(blocks, "notIpBlocks"));
        if (networks is null)
        {
            return null;
        }
        return new AccessSource { Identities = peers.ToValueList(), Unauthenticated = peers.Count == 0, Networks = networks };
    }

    /// <summary>ipBlocks with each notIpBlock given back to the first block that contains it.</summary>
    private static ValueList<NetworkBlock>? Networks(IReadOnlyList<string> cidrs, IReadOnlyList<string> excepts)
    {
        var blocks = cidrs.Select(c => new NetworkBlock { Cidr = c }).ToList();
        foreach (var except in excepts)
        {
            var owner = blocks.FindIndex(b => CidrChecks.TryParse(b.Cidr, out var outer) && CidrChecks.TryParse(except, out var inner) && CidrChecks.Contains(outer, inner));
            if (owner < 0)
            {
                return null;
            }
            blocks[owner] = blocks[owner] with { Except = [.. blocks[owner].Except, except] };
        }
        return blocks.ToValueList();
    }
}
