using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace Smile.Admin.BrowserTests;

/// <summary>
/// The documents a page loaded, with their status codes, so that a wait that runs out can say where the browser
/// ended up and what the page told the user, instead of only "Timeout 30000ms exceeded".
/// </summary>
public sealed class NavigationTrail
{
    private readonly IPage _page;
    private readonly ConcurrentQueue<string> _documents = new();

    public NavigationTrail(IPage page)
    {
        _page = page;
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest)
            {
                _documents.Enqueue($"{response.Request.Method} {new Uri(response.Url).PathAndQuery} -> {response.Status}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                _documents.Enqueue($"{request.Method} {new Uri(request.Url).PathAndQuery} failed: {request.Failure}");
            }
        };
    }

    public async Task<string> DescribeAsync(string what, Exception cause)
    {
        var text = new StringBuilder(what)
            .Append($"\n  cause: {cause.Message.Split('\n')[0]}")
            .Append($"\n  page: {_page.Url}")
            .Append($"\n  documents: {(_documents.IsEmpty ? "(none)" : string.Join(", ", _documents))}");
        try
        {
            var errors = _page.Locator(".error-summary");
            if (await errors.CountAsync() > 0)
            {
                text.Append($"\n  error summary: {Flatten(await errors.First.InnerTextAsync(new() { Timeout = 5000 }))}");
            }
            else
            {
                var body = Flatten(await _page.Locator("body").InnerTextAsync(new() { Timeout = 5000 }));
                text.Append($"\n  page text: {(body.Length > 400 ? body[..400] + " ..." : body)}");
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            text.Append($"\n  page text unreadable: {e.Message.Split('\n')[0]}");
        }

        return text.ToString();
    }

    private static string Flatten(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SignInFailedException(string message, Exception inner) : Exception(message, inner);
