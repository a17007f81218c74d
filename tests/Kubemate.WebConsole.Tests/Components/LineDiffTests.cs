using Kubemate.WebConsole.Components;

namespace Kubemate.WebConsole.Tests.Components;

public sealed class LineDiffTests
{
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
