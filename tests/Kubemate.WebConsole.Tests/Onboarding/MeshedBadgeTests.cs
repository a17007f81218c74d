using Bunit;
using Kubemate.WebConsole.Onboarding;
using MudBlazor;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class MeshedBadgeTests : ConsoleTestContext
{
    [Theory]
    [InlineData(0, 0, Color.Default)]
    [InlineData(0, 4, Color.Default)]
    [InlineData(2, 4, Color.Warning)]
    [InlineData(4, 4, Color.Success)]
    public void Badge_colour_says_whether_none_some_or_all_pods_are_meshed(int meshed, int total, Color expected) =>
        Assert.Equal(expected, MeshedBadge.ColorFor(meshed, total));

    [Fact]
    public void Badge_shows_meshed_over_total_with_the_counts_as_data()
    {
        var badge = Render<MeshedBadge>(p => p.Add(b => b.Meshed, 3).Add(b => b.Total, 5));

        var chip = badge.Find("[data-testid=meshed-badge]");
        Assert.Equal("3 / 5", chip.TextContent.Trim());
        Assert.Equal("3", chip.GetAttribute("data-meshed"));
        Assert.Contains("mud-chip-color-warning", chip.ClassName);
    }

    [Fact]
    public void Badge_formats_large_counts_in_the_current_culture()
    {
        var badge = Render<MeshedBadge>(p => p.Add(b => b.Meshed, 1200).Add(b => b.Total, 1500));

        Assert.Equal("1,200 / 1,500", badge.Find("[data-testid=meshed-badge]").TextContent.Trim());
    }
}
