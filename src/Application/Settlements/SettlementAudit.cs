namespace Ledger.Application.Settlements;

/// <summary>The audit actions of settling up. Records name ids only; voids keep their reason.</summary>
public static class SettlementAudit
{
    public const string SettlementRecord = "settlement";
    public const string SplitPaymentRecord = "split-payment";

    public const string Recorded = "settlement.recorded";
    public const string Confirmed = "settlement.confirmed";
    public const string Declined = "settlement.declined";
    public const string Voided = "settlement.voided";
    public const string SplitPaid = "split-payment.recorded";
    public const string SplitPaymentVoided = "split-payment.voided";
    public const string SplitPaymentConfirmed = "split-payment.confirmed";
    public const string SplitPaymentDeclined = "split-payment.declined";
}
