using System.CommandLine;
using Kubemate.Model.Collections;
using Kubemate.Model.Traffic;

namespace Kubemate.Modeling.Families;

/// <summary><c>render split</c>: a canary or blue/green traffic split of a service among weighted backends.</summary>
internal sealed class SplitFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the split (default: the service's name)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the service (default: default)", "-n");
    private readonly Option<string?> _service = Flags.Text("--service", "The service clients call (the apex service)");
    private readonly Option<string?> _port = Flags.Text("--port", "The apex service's port");
    private readonly Option<string[]> _backends = Flags.Many("--backend", "A backend service and its weight, SERVICE=WEIGHT; repeat for each backend");

    public string Name => "split";

    public string Description => "A traffic split: share a service's requests among weighted backends (canary, blue/green)";

    public IReadOnlyList<Option> Options => [_name, _namespace, _service, _port, _backends];

    public FamilyModels Build(FlagReader flags)
    {
        var service = flags.Text(_service, required: true);
        var port = flags.Integer(_port, 1, 65535);
        var backends = new List<WeightedBackend>();
        var pairs = flags.Pairs(_backends, "SERVICE=WEIGHT", required: true);
        foreach (var pair in pairs)
        {
            if (flags.ParseInteger(pair.Value, pair.Path, 0, 1_000_000) is int weight)
            {
                backends.Add(new WeightedBackend { Service = pair.Key, Weight = weight });
            }
        }
        var split = new TrafficSplit
        {
            Name = flags.Text(_name) ?? service ?? "",
            Namespace = flags.Text(_namespace, fallback: "default"),
            Service = service ?? "",
            Port = port,
            Backends = backends.ToValueList(),
        };
        return new(ModelSet.FromModels(Name, split))
        {
            FlagPaths = new Dictionary<string, string>
            {
                ["name"] = _name.Name,
                ["namespace"] = _namespace.Name,
                ["service"] = _service.Name,
                ["port"] = _port.Name,
                ["backends"] = _backends.Name,
            },
        };
    }
}
