namespace Ledger.Application.Common.Messaging;

/// <summary>A change to a versioned resource, carrying the version the client last saw.</summary>
public interface IVersionedCommand
{
    int ExpectedVersion { get; }
}
