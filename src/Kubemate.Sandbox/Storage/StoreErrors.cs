namespace Kubemate.Sandbox.Storage;

/// <summary>Raised by the store when a write's precondition fails; handlers turn these into Status responses.</summary>
public abstract class StoreException(string message) : Exception(message);

public sealed class AlreadyExistsException(ObjectKey key) : StoreException($"{key} already exists")
{
    public ObjectKey Key { get; } = key;
}

public sealed class NotFoundException(ObjectKey key) : StoreException($"{key} not found")
{
    public ObjectKey Key { get; } = key;
}

public sealed class ConflictException(ObjectKey key, long expected, long actual)
    : StoreException($"{key}: resourceVersion {expected} is stale, current is {actual}")
{
    public ObjectKey Key { get; } = key;
}

/// <summary>The requested watch start is older than the retained history (HTTP 410 Gone).</summary>
public sealed class ExpiredException(long requested, long oldest)
    : StoreException($"too old resource version: {requested} ({oldest})")
{
    public long Requested { get; } = requested;
    public long Oldest { get; } = oldest;
}

/// <summary>
/// The object to store nests deeper than <see cref="Kubemate.ApiMachinery.Json.JsonLimits.MaxDepth"/> (a body is
/// refused at that depth when it is read; a patch can still deepen an object). Refused before the journal sees it,
/// so everything journaled can be replayed.
/// </summary>
public sealed class ObjectTooDeepException(ObjectKey key, string path, int limit)
    : StoreException($"{path}: nested deeper than the limit of {limit} levels")
{
    public ObjectKey Key { get; } = key;

    public string Path { get; } = path;

    public int Limit { get; } = limit;
}
