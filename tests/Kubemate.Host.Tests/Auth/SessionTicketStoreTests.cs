using System.Security.Claims;
using Kubemate.Host.Audit;
using Kubemate.Host.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Host.Tests.Auth;

/// <summary>
/// A session read from the database is believed for one second without reading it again; signing out on this
/// replica forgets it at once, and a sign-out on another replica (the row deleted) is seen once that second is over.
/// </summary>
public sealed class SessionTicketStoreTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private HostedSessionStore _sessions = null!;

    public async Task InitializeAsync()
    {
        _sessions = new HostedSessionStore(AuditStoreLocation.Parse(Path.Combine(_directory, "audit.db"), _directory), _time);
        await _sessions.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _sessions.StopAsync(CancellationToken.None);
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_session_removed_by_another_replica_stops_passing_within_the_recheck_time()
    {
        var store = new SessionTicketStore(_sessions, _time);
        var key = await store.StoreAsync(Ticket("alice"));
        Assert.Equal("alice", (await store.RetrieveAsync(key))?.Principal.Identity?.Name);

        await _sessions.Sessions.RemoveAsync(key);

        Assert.NotNull(await store.RetrieveAsync(key));
        _time.Advance(SessionTicketStore.Recheck);
        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task Signing_out_on_this_replica_is_seen_at_once_and_each_request_gets_its_own_ticket()
    {
        var store = new SessionTicketStore(_sessions, _time);
        var key = await store.StoreAsync(Ticket("olivia"));
        var first = await store.RetrieveAsync(key);
        var second = await store.RetrieveAsync(key);
        Assert.NotSame(first, second);

        await store.RemoveAsync(key);

        Assert.Null(await store.RetrieveAsync(key));
    }

    private AuthenticationTicket Ticket(string user) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test")),
            new AuthenticationProperties { ExpiresUtc = _time.GetUtcNow().AddHours(1) }, "Cookies");
}
