using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Http;

/// <summary>
/// One endpoint's call of its use case: the mediator, the request's cancellation and the version
/// the client read (If-Match or the body's <c>version</c>), bound as ONE handler parameter so that
/// a handler states only its route values, its body and the command it sends (ADR 0061). The ETag
/// of a versioned answer is set by <see cref="VersionedResultFilter"/>, not here.
/// </summary>
public sealed class ApiCall
{
    private readonly HttpContext _http;
    private readonly ISender _sender;

    private ApiCall(HttpContext http)
    {
        _http = http;
        _sender = http.RequestServices.GetRequiredService<ISender>();
    }

    /// <summary>Minimal APIs bind the parameter through this (custom binding: not in OpenAPI).</summary>
    public static ValueTask<ApiCall?> BindAsync(HttpContext http) => new(new ApiCall(http));

    /// <summary>The version the client last saw: If-Match first, else the body's; neither is 428.</summary>
    public int ExpectedVersion(int? bodyVersion) => EntityTags.ExpectedVersion(_http, bodyVersion);

    public ValueTask<T> Send<T>(ICommand<T> command) => _sender.Send(command, _http.RequestAborted);

    public ValueTask<T> Send<T>(IQuery<T> query) => _sender.Send(query, _http.RequestAborted);

    /// <summary>200 with what the command answers.</summary>
    public async Task<Ok<T>> Ok<T>(ICommand<T> command) => TypedResults.Ok(await Send(command));

    /// <summary>200 with what the query answers.</summary>
    public async Task<Ok<T>> Ok<T>(IQuery<T> query) => TypedResults.Ok(await Send(query));

    /// <summary>201 with what the command created, at the location it names.</summary>
    public async Task<Created<T>> Created<T>(ICommand<T> command, Func<T, string> location)
    {
        var created = await Send(command);
        return TypedResults.Created(location(created), created);
    }

    /// <summary>204 once the command is done.</summary>
    public async Task<NoContent> NoContent(ICommand<Unit> command)
    {
        await Send(command);
        return TypedResults.NoContent();
    }
}
