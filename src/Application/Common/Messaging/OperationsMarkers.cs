namespace Ledger.Application.Common.Messaging;

/// <summary>
/// A message only the worker's system principal may send: scheduled maintenance that acts
/// across groups (purges, pruning). No HTTP endpoint sends one.
/// </summary>
public interface ISystemCommand;
