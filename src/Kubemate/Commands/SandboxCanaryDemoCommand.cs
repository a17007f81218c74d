using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate sandbox canary-demo [--replicas N] [--delete]</c>: adds (or removes) the demo's orders canary,
/// Deployment and Service <c>orders/orders-v2</c>, through the kubeconfig's cluster. See docs/traffic-simulator.md.
/// </summary>
public static class SandboxCanaryDemoCommand
{
    public static Command Create()
    {
        var kubeconfig = Flags.File("--kubeconfig", "The kubeconfig to use (default: KUBECONFIG, then ~/.kube/config)");
        var context = Flags.Text("--context", "The kubeconfig context to use (default: its current context)");
        var replicas = Flags.Integer("--replicas", "The canary's replicas (default 1)", 0, 1000);
        var delete = Flags.Switch("--delete", "Delete the canary's Deployment and Service instead");
        var command = new Command("canary-demo", "Add the demo's orders canary: Deployment orders-v2 (pods app=orders, version=v2) and Service orders-v2")
        {
            kubeconfig, context, replicas, delete,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(delete) && result.GetResult(replicas) is { } given)
            {
                given.AddError("--replicas: not with --delete");
            }
        });
        command.SetAction((result, cancellationToken) => SandboxFaultCommand.RunAsync(result, kubeconfig, context, async api =>
        {
            var client = new CanaryDemoClient(api);
            var lines = result.GetValue(delete)
                ? await client.RemoveAsync(cancellationToken)
                : await client.AddAsync(result.GetValue(replicas) ?? 1, cancellationToken);
            Console.Out.WriteLine(lines.Count == 0 ? "no canary to delete" : string.Join('\n', lines));
        }));
        return command;
    }
}
