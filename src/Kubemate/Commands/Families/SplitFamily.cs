using System.CommandLine;
using System.Globalization;
using Kubemate.CommandLine;
using Kubemate.Model.Collections;
using Kubemate.Model.Traffic;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render split</c>: a canary or blue/green traffic split of a service among weighted backends.</summary>
internal sealed class SplitFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the split (default: the service's name)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the service (default: default)", "-n");
    private readonly Option<string?> _service = Flags.Text("--service", "The service clients call (the apex service)").Required();
    private readonly Option<int?> _port = Flags.Integer("--port", "The apex service's port", 1, 65535);
    private readonly Option<FlagPair[]> _backends = Flags.Pairs("--backend", "A backend service and its weight, SERVICE=WEIGHT; repeat for each backend", "SERVICE=WEIGHT", Weight).Required();

    public string Name => "split";

    public string Description => "A traffic split: share a service's requests among weighted backends (canary, blue/green)";

    public IReadOnlyList<Option> Options => [_name, _namespace, _service, _port, _backends];

    private static string? Weight(string text) => FlagValues.Integer(text, 0, 1_000_000).Problem;

    public FamilyModels Build(FlagReader flags)
    {
        var service = flags.Text(_service, "");
        var backends = flags.List(_backends)
            .Select(pair => new WeightedBackend { Service = pair.Key, Weight = int.Parse(pair.Value, CultureInfo.InvariantCulture) })
            .ToList();
        var split = new TrafficSplit
        {
            Name = flags.Text(_name, service),
            Namespace = flags.Text(_namespace, "default"),
            Service = service,
            Port = flags.Value(_port),
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
