namespace Ledger.Application.Common.Exceptions;

// Exceptions the HTTP layer maps to problem details. Their messages are shown to clients, so
// they carry ids and rules only, never personal data or internal detail.

/// <summary>The thing does not exist or the caller may not read it (never say which: 404).</summary>
public sealed class NotFoundException(string resource) : Exception($"The {resource} was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The caller may read the resource but not do this to it (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>No authenticated principal (401).</summary>
public sealed class UnauthenticatedException() : Exception("Authentication is required.");

/// <summary>
/// The client's version of a resource is stale: 409 when the version came in the body,
/// 412 with the current ETag when it came in <c>If-Match</c>.
/// </summary>
public sealed class VersionConflictException(string resource, int currentVersion)
    : Exception(
        $"The {resource} was changed by someone else; it is now at version {currentVersion}."
    )
{
    public string Resource { get; } = resource;
    public int CurrentVersion { get; } = currentVersion;
}

/// <summary>An update came without any version to check against (428).</summary>
public sealed class PreconditionRequiredException(string message) : Exception(message);

/// <summary>The upload is larger than allowed, or would pass a storage quota (HTTP 413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>The upload's bytes are not of a kind we accept, whatever its name or type said (HTTP 415).</summary>
public sealed class UnsupportedContentException(string message) : Exception(message);
