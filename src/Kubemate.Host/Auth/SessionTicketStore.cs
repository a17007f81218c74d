using System.Security.Cryptography;
using Kubemate.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kubemate.Host.Auth;

/// <summary>
/// Keeps the session cookie's ticket server-side, in the audit database: the cookie holds a random key only, and
/// signing out deletes the row, so a copied cookie passes no request afterwards, on this replica or any other.
/// </summary>
internal sealed class SessionTicketStore(HostedSessionStore store, TimeProvider time) : ITicketStore
{
    // A ticket without its own expiry (the cookie handler always sets one) lives no longer than a working day.
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        store.Sessions.SaveAsync(key, ticket.Principal.Identity?.Name ?? "", Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket)),
            ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + FallbackLifetime);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await store.Sessions.FindAsync(key) is { } serialized ? TicketSerializer.Default.Deserialize(Convert.FromBase64String(serialized)) : null;

    public Task RemoveAsync(string key) => store.Sessions.RemoveAsync(key);
}
