namespace Ledger.WebApi.Http;

/// <summary>The HTTP conventions of PRODUCT.md section 4: problem details, JSON, OpenAPI, CORS, limits.</summary>
public static class HttpSetup
{
    public static WebApplicationBuilder AddLedgerHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseLedgerHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
