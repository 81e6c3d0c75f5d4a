using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Smile.Cms.ScaleOutTests;

/// <summary>A real HTTP server on loopback that answers 200 to every webhook and keeps what it received.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    private WebhookReceiver(HttpListener listener, string url)
    {
        _listener = listener;
        Url = url;
    }

    public sealed record Delivery(string Id, string Body);

    public string Url { get; }

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public static WebhookReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}/hook/";
        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var receiver = new WebhookReceiver(listener, url);
        _ = receiver.ServeAsync();
        return receiver;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                _deliveries.Enqueue(new Delivery(context.Request.Headers["X-Smile-Delivery"] ?? "", await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
