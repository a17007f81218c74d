using Kubemate.WebConsole.E2E.Browser;

namespace Kubemate.WebConsole.E2E.Pages;

/// <summary>
/// The console's sign-out button posts the form with its antiforgery token and revokes the session: a copy of the
/// cookie taken before no longer opens a page. The pages run under the host's Content-Security-Policy without a
/// console error (CSP refusals are console errors).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignOutTests(ConsoleFixture console)
{
    [Fact]
    public async Task Signing_out_from_the_user_menu_revokes_the_session_for_every_copy_of_the_cookie()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync("audrey", "audrey-demo");
        await page.Locator("[data-testid=namespaces-table]").WaitForAsync();
        var response = await page.ReloadAsync();
        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await tab.WaitForCircuitAsync();
        var cookies = await page.Context.CookiesAsync();

        await page.ClickAsync("[data-testid=user-menu] button");
        await page.ClickAsync("[data-testid=sign-out]");
        await tab.WaitForAddressAsync(url => url.AbsolutePath == "/account/signin", "the sign-in page");

        await using var thief = await console.OpenAsync();
        await thief.Page.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, SameSite = c.SameSite,
        }));
        await thief.Page.GotoAsync("/namespaces");
        await thief.WaitForAddressAsync(url => url.AbsolutePath == "/account/signin", "the sign-in page");
        Assert.Empty(tab.Errors);
        Assert.Empty(thief.Errors);
    }
}
