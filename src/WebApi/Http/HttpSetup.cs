using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Ledger.WebApi.Http;

/// <summary>The HTTP conventions of PRODUCT.md section 4: problem details, JSON, OpenAPI, CORS, limits.</summary>
public static class HttpSetup
{
    /// <summary>Bodies larger than this are refused with 413 before they are read.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public const string CorsPolicy = "ledger-frontend";

    public static WebApplicationBuilder AddLedgerHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Instance = null;
                context.ProblemDetails.Extensions["traceId"] =
                    Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            }
        );
        builder.Services.AddExceptionHandler<ProblemDetailsMapper>();
        builder.Services.Configure<JsonOptions>(options =>
            ConfigureJson(options.SerializerOptions)
        );
        builder.Services.Configure<RouteHandlerOptions>(options =>
            options.ThrowOnBadRequest = true
        );
        // The admin and ops operations answer 404 to everyone but platform admins: they are
        // documented apart, in a document served only to them (issue 20 item 13).
        builder.Services.AddOpenApi(
            "v1",
            options =>
            {
                options.AddDocumentTransformer<LedgerOpenApiDocument>();
                options.AddDocumentTransformer<WebhookEventsOpenApi>();
                options.AddDocumentTransformer<OpenApi.OpenApiContractTransformer>();
                options.AddSchemaTransformer<OpenApi.WireTypesSchemaTransformer>();
                options.ShouldInclude = description => !AdminOpenApi.IsAdminOperation(description);
            }
        );
        builder.Services.AddOpenApi(
            AdminOpenApi.DocumentName,
            options =>
            {
                options.AddDocumentTransformer<LedgerOpenApiDocument>();
                options.AddDocumentTransformer<OpenApi.OpenApiContractTransformer>();
                options.AddSchemaTransformer<OpenApi.WireTypesSchemaTransformer>();
                options.ShouldInclude = AdminOpenApi.IsAdminOperation;
            }
        );
        builder.Services.Configure<FormOptions>(options =>
            options.MultipartBodyLengthLimit = MaxRequestBodyBytes
        );
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = UrlLengthLimitMiddleware.KestrelRequestLineLimit;
        });
        builder.Services.AddCors(options =>
            options.AddPolicy(
                CorsPolicy,
                policy => CorsSettings.From(builder.Configuration).Apply(policy)
            )
        );
        return builder;
    }

    public static WebApplication UseLedgerHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<UrlLengthLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<TextInputMiddleware>();
        app.UseCors(CorsPolicy);
        app.MapOpenApi("/openapi/{documentName}.json")
            .AllowAnonymous()
            .WithMetadata(new Infrastructure.Sessions.CallerReadWhenPresent())
            .AddEndpointFilter(new AdminOpenApi.OnlyForAdmins());
        if (app.Environment.IsDevelopment())
        {
            MapApiReference(app);
        }

        return app;
    }

    // Its own method: outside Development the API never compiles code that names Scalar's types,
    // so its assembly stays unloaded (ADR 0081).
    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.NoInlining
    )]
    private static void MapApiReference(WebApplication app) =>
        app.MapScalarApiReference(
                "/reference",
                options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json")
            )
            .AllowAnonymous();

    /// <summary>camelCase, enums as camelCase strings, and unknown properties refused (no mass assignment).</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
        );
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A missing or null required field is a 400, never a null smuggled past the type system.
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = 16;
        TextInput.Configure(options);
    }
}
