using Kubemate.Application.Onboarding;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Kubemate.Direct.Terminal;

namespace Kubemate.Tests.Cli.Operations;

public sealed class DiffOutputTests
{
    [Fact]
    public void Line_diff_keeps_common_lines_and_marks_removed_and_added_ones()
    {
        var diff = LineDiff.Compare(["spec:", "  replicas: 2", "  paused: false"], ["spec:", "  replicas: 3", "  paused: false"]);
        Assert.Equal([(' ', "spec:"), ('-', "  replicas: 2"), ('+', "  replicas: 3"), (' ', "  paused: false")], diff.Select(l => (l.Change, l.Text)));
    }

    [Fact]
    public void Diffs_are_plain_text_unless_the_output_is_a_terminal()
    {
        var result = new ObjectResult(new ObjectRef("v1", "ConfigMap", "orders", "settings"), ObjectOperation.Update, ObjectStatus.DryRunOk,
            new ObjectDiff("data:\n  mode: a\n", "data:\n  mode: b\n"));
        var plain = new StringWriter();
        DiffPrinter.Write(plain, [result], colour: false);
        Assert.Equal("ConfigMap orders/settings (v1): update\n--- before\n+++ after\n  data:\n-   mode: a\n+   mode: b\n\n", plain.ToString().ReplaceLineEndings("\n"));
        var coloured = new StringWriter();
        DiffPrinter.Write(coloured, [result], colour: true);
        Assert.Contains(TerminalOutput.Red + "-   mode: a" + TerminalOutput.Reset, coloured.ToString());
        Assert.Contains(TerminalOutput.Green + "+   mode: b" + TerminalOutput.Reset, coloured.ToString());
    }

    [Fact]
    public void Progress_on_a_terminal_rewrites_the_workload_lines_in_place()
    {
        var output = new StringWriter();
        var display = new MeshProgressDisplay(output, terminal: true);
        display.Show(new(1, DateTimeOffset.UnixEpoch, OnboardingEventType.Restarting, "Deployment", "users", 0, 2, null));
        display.Show(new(2, DateTimeOffset.UnixEpoch, OnboardingEventType.WorkloadDone, "Deployment", "users", 2, 2, null));
        var text = output.ToString();
        Assert.Contains(TerminalOutput.Up(1), text);
        Assert.EndsWith("deployment/users   " + TerminalOutput.Green + "done, 2/2 pods meshed" + TerminalOutput.Reset + Environment.NewLine, text);
        Assert.Equal(1, display.Done);
    }
}
