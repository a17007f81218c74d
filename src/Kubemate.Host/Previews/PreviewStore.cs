using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kubemate.Application.Changes;

namespace Kubemate.Host.Previews;

/// <summary>
/// Change previews kept for the user who made them, for 15 minutes, so <c>apply {previewId}</c> applies exactly
/// what was shown (with the previewed resource versions as preconditions).
/// </summary>
public sealed class PreviewStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const int MaxPreviews = 10_000;

    private readonly ConcurrentDictionary<string, StoredPreview> _previews = new(StringComparer.Ordinal);

    public string Add(string user, ChangePreview preview)
    {
        RemoveExpired();
        if (_previews.Count >= MaxPreviews)
        {
            foreach (var oldest in _previews.OrderBy(p => p.Value.Expires).Take(_previews.Count - MaxPreviews + 1))
            {
                _previews.TryRemove(oldest.Key, out _);
            }
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _previews[id] = new StoredPreview(user, preview, time.GetUtcNow() + Lifetime);
        return id;
    }

    /// <summary>The preview if it exists, has not expired and belongs to the user; it can be applied once.</summary>
    public ChangePreview? Take(string user, string id)
    {
        RemoveExpired();
        if (_previews.TryGetValue(id, out var stored) && stored.User == user && _previews.TryRemove(id, out _))
        {
            return stored.Preview;
        }
        return null;
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, stored) in _previews)
        {
            if (stored.Expires <= now)
            {
                _previews.TryRemove(id, out _);
            }
        }
    }

    private sealed record StoredPreview(string User, ChangePreview Preview, DateTimeOffset Expires);
}
