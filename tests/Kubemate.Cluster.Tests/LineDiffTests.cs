using Kubemate.Cluster.Apply;

namespace Kubemate.Cluster.Tests;

/// <summary>The one line diff the audit trail, the CLI and the console print changes with.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void The_audit_trail_the_cli_and_the_console_print_one_change_alike()
    {
        var change = new ObjectDiff("metadata:\n  annotations:\n    linkerd.io/inject: disabled\n", "metadata:\n  annotations:\n    linkerd.io/inject: enabled\n    note: x\n");

        // The audit trail stores the change as unified text; the console reads it back; the CLI and previews compare.
        var stored = string.Concat(change.Lines().Select(l => $"{l.Change}{l.Text}\n"));
        Assert.Equal(change.Lines(), LineDiff.ParseUnified(stored));
        Assert.Equal([' ', ' ', '-', '+', '+'], change.Lines().Select(l => l.Change));
    }

    [Fact]
    public void An_empty_object_side_has_no_lines_so_an_added_object_is_all_additions()
    {
        Assert.All(new ObjectDiff("{}", "data:\n  a: 1\n").Lines(), l => Assert.Equal('+', l.Change));
    }

    [Fact]
    public void Comparing_marks_removed_and_added_lines_in_order()
    {
        var lines = LineDiff.Compare("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 20\nc: 3\nd: 4\n");

        Assert.Equal([(' ', "a: 1"), ('-', "b: 2"), ('+', "b: 20"), (' ', "c: 3"), ('+', "d: 4")], lines.Select(l => (l.Change, l.Text)));
    }

    [Fact]
    public void Comparing_with_an_empty_side_is_all_added()
    {
        Assert.All(LineDiff.Compare("", "x\ny"), l => Assert.Equal('+', l.Change));
    }

    [Fact]
    public void Unified_text_keeps_headers_as_context_and_strips_change_markers()
    {
        var lines = LineDiff.ParseUnified("--- a/ns\n+++ b/ns\n metadata:\n-  x: 1\n+  x: 2\n");

        Assert.Equal([(' ', "--- a/ns"), (' ', "+++ b/ns"), (' ', "metadata:"), ('-', "  x: 1"), ('+', "  x: 2")], lines.Select(l => (l.Change, l.Text)));
    }
}
