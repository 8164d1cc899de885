using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ledger.Build;

/// <summary>
/// Issue 16, point 7: an anonymous caller must not tell a known address from an unknown one by
/// the time the API takes to answer a password-reset or an email-confirmation request. One
/// request at a time, known and unknown addresses alternating (each address asked once: no cache
/// or throttle favours either), timed at the client; the medians and the 90th percentiles.
/// </summary>
internal static class BenchAccount
{
    public sealed record Timing(string Request, Stats Known, Stats Unknown)
    {
        /// <summary>Known median ÷ unknown median.</summary>
        public double Ratio => Known.Median / Unknown.Median;
    }

    public sealed record Stats(double Median, double P90, int Count);

    public static async Task<(string Section, IReadOnlyList<Timing> Timings)> RunAsync(
        ServiceState services,
        StartedApi api,
        BenchWorld.Seeded seeded,
        bool tiny
    )
    {
        var size = BenchWorld.For(tiny);
        var count = tiny ? 10 : 150;
        // Users no actor is (the last ones of the many groups): half confirmed, half not.
        var emails = Enumerable
            .Range(size.Users - 2 * count + 1, 2 * count)
            .Select(n => $"bench-{seeded.Nonce}-{n}@example.test")
            .ToList();
        var confirmed = emails.Take(count).ToList();
        var unconfirmed = emails.Skip(count).ToList();
        BenchWorld.Query(
            services,
            $"UPDATE asp_net_users SET email_confirmed = false WHERE email IN ({string.Join(',', unconfirmed.Select(e => $"'{e}'"))})"
        );
        using var http = new HttpClient
        {
            BaseAddress = new Uri(api.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var timings = new List<Timing>
        {
            await TimeAsync(http, "POST /api/v1/auth/password-resets", confirmed, count),
            await TimeAsync(http, "POST /api/v1/auth/email-confirmations", unconfirmed, count),
        };
        var text = new StringBuilder();
        text.AppendLine("## Known vs unknown address (issue 16, point 7)");
        text.AppendLine();
        text.AppendLine(
            Invariant(
                $"Anonymous requests on the *after* API, one at a time, a known address (a seeded user; unconfirmed ones for the confirmation request) and an unknown one alternating, {count} of each, every address asked once; time from sending to the answer's end, at the client."
            )
        );
        text.AppendLine();
        text.AppendLine(
            "| request | known: median / p90 ms | unknown: median / p90 ms | known ÷ unknown (median) |"
        );
        text.AppendLine("|---|---|---|---|");
        foreach (var t in timings)
        {
            text.AppendLine(
                Invariant(
                    $"| {t.Request} | {t.Known.Median:F2} / {t.Known.P90:F2} | {t.Unknown.Median:F2} / {t.Unknown.P90:F2} | {t.Ratio:F2} |"
                )
            );
        }

        return (text.ToString(), timings);
    }

    private static async Task<Timing> TimeAsync(
        HttpClient http,
        string request,
        List<string> known,
        int count
    )
    {
        Console.WriteLine($"bench: {request}, known vs unknown address...");
        var path = request.Split(' ')[1];
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        // A few first requests warm both paths up, unmeasured.
        for (var i = -3; i < count; i++)
        {
            var unknown = $"nobody-{Guid.NewGuid():N}@example.test";
            var a = await OnceAsync(http, path, i < 0 ? unknown : known[i]);
            var b = await OnceAsync(http, path, $"nobody-{Guid.NewGuid():N}@example.test");
            if (i >= 0)
            {
                knownTimes.Add(a);
                unknownTimes.Add(b);
            }
        }

        return new Timing(request, Of(knownTimes), Of(unknownTimes));
    }

    private static async Task<double> OnceAsync(HttpClient http, string path, string email)
    {
        using var content = new StringContent(
            $$"""{"email":"{{email}}"}""",
            Encoding.UTF8,
            "application/json"
        );
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(path, content);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new BuildException($"POST {path} answered {(int)response.StatusCode}.");
        }

        return elapsed;
    }

    private static Stats Of(List<double> values)
    {
        values.Sort();
        return new Stats(
            values[values.Count / 2],
            values[Math.Min(values.Count - 1, (int)(values.Count * 0.9))],
            values.Count
        );
    }

    private static string Invariant(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}
