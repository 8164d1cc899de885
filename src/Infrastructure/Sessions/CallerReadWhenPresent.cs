namespace Ledger.Infrastructure.Sessions;

/// <summary>
/// Endpoint metadata: the endpoint allows anonymous callers but answers differently to a signed-in
/// one (the OpenAPI documents: the admin document is for platform admins only), so a sent token
/// is still authenticated there.
/// </summary>
public sealed class CallerReadWhenPresent;
