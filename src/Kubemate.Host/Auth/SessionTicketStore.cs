using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kubemate.Host.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kubemate.Host.Auth;

/// <summary>
/// Keeps the session cookie's ticket server-side, in the audit database: the cookie holds a random key only, and
/// signing out deletes the row, so a copied cookie passes no request afterwards, on this replica or any other.
/// A session read from the database is believed for <see cref="Recheck"/> without reading it again (a busy console
/// sends many requests a second); signing out on this replica forgets it at once, on another replica within that time.
/// </summary>
internal sealed class SessionTicketStore(HostedSessionStore store, TimeProvider time) : ITicketStore
{
    // A ticket without its own expiry (the cookie handler always sets one) lives no longer than a working day.
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    // Bounds the memory of sessions read recently; past it the oldest half is forgotten (they are read again).
    private const int MaxRecent = 10_000;

    // Serialized tickets, never shared instances: the cookie handler changes a ticket's properties while renewing it.
    private readonly ConcurrentDictionary<string, (string Serialized, DateTimeOffset ReadAt)> _recent = new(StringComparer.Ordinal);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var serialized = Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket));
        await store.Sessions.SaveAsync(key, ticket.Principal.Identity?.Name ?? "", serialized, ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + FallbackLifetime);
        Remember(key, serialized);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(key, out var recent) && now - recent.ReadAt < Recheck)
        {
            return Deserialize(recent.Serialized);
        }
        if (await store.Sessions.FindAsync(key) is not { } serialized)
        {
            _recent.TryRemove(key, out _);
            return null;
        }
        Remember(key, serialized);
        return Deserialize(serialized);
    }

    public async Task RemoveAsync(string key)
    {
        _recent.TryRemove(key, out _);
        await store.Sessions.RemoveAsync(key);
        _recent.TryRemove(key, out _);
    }

    private void Remember(string key, string serialized)
    {
        if (_recent.Count >= MaxRecent)
        {
            foreach (var old in _recent.OrderBy(entry => entry.Value.ReadAt).Take(MaxRecent / 2).Select(entry => entry.Key).ToList())
            {
                _recent.TryRemove(old, out _);
            }
        }
        _recent[key] = (serialized, time.GetUtcNow());
    }

    private static AuthenticationTicket? Deserialize(string serialized) => TicketSerializer.Default.Deserialize(Convert.FromBase64String(serialized));
}
