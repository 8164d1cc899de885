namespace Ledger.Application.Common.Messaging;

/// <summary>
/// A message only platform admins may send (the ops API). Anyone else is told the thing does
/// not exist (404), as for any resource they may not read, so the API does not reveal itself.
/// </summary>
public interface IRequirePlatformAdmin;

/// <summary>
/// A message only the worker's system principal may send: scheduled maintenance that acts
/// across groups (purges, pruning). No HTTP endpoint sends one.
/// </summary>
public interface ISystemCommand;
