using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Media.Library;

namespace Smile.Media.Tests;

/// <summary>Media over HTTP on a running, seeded CMS: who sees what, cache headers, and the upload endpoint.</summary>
public sealed class MediaHttpTests(SharedCms shared) : IClassFixture<SharedCms>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_readers_get_the_images_of_published_items_with_year_long_cache_headers(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var answer = await cms.QueryAsync("""{ newsArticle(id: "news-hafensport-eroeffnet") { heroImage { mediaId alt width height url srcset } } }""");
        var hero = answer.Data!["newsArticle"]!["heroImage"]!;
        Assert.Equal((1600, 1000), (hero["width"]!.GetValue<int>(), hero["height"]!.GetValue<int>()));
        Assert.StartsWith("Illustration: An der Kaikante des Rostocker Stadthafens", hero["alt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/1600.webp 1600w", hero["srcset"]!.GetValue<string>(), StringComparison.Ordinal);

        using var response = await cms.Client.GetAsync(hero["url"]!.GetValue<string>(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(response.Headers.ETag);
        using var image = NetVips.Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(960, image.Width);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, hero["url"]!.GetValue<string>());
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await cms.Client.SendAsync(revalidation, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // The original may carry EXIF and GPS: readers get derivatives only.
        using var original = await cms.Client.GetAsync($"/media/{hero["mediaId"]}/original", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, original.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Media_used_only_by_a_draft_or_by_nothing_is_not_found_for_anonymous_readers_but_editors_see_it(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var library = cms.Services.GetRequiredService<MediaLibrary>();
        var draftImage = (await library.UploadAsync(new MemoryStream(TestImages.Jpeg(1200, 800)), "entwurf.jpg", Actor.System)).Asset.Id;
        var unusedImage = (await library.UploadAsync(new MemoryStream(TestImages.Png(500, 500)), "unbenutzt.png", Actor.System)).Asset.Id;
        var itemId = "news-medien-entwurf-" + provider;
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput
        {
            Title = "Entwurf mit Bild " + provider,
            Fields = new JsonObject { ["teaser"] = "Noch nicht veröffentlicht.", ["heroImage"] = new JsonObject { ["mediaId"] = draftImage, ["alt"] = "Ein Farbverlauf." } },
        }, itemId));
        var key = await Callers.ApiKeyAsync(cms, Permission.ViewContent, Permission.PreviewDrafts);

        foreach (var id in new[] { draftImage, unusedImage })
        {
            using var anonymous = await cms.Client.GetAsync($"/media/{id}/640.webp", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
            Assert.True(anonymous.Headers.CacheControl?.NoStore);

            using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}/640.webp");
            request.Headers.Add("X-Api-Key", key);
            using var editor = await cms.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
            Assert.True(editor.Headers.CacheControl?.Private, "what only editors see must stay out of shared caches");
        }

        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.PublishAsync(itemId));
        using var published = await cms.Client.GetAsync($"/media/{draftImage}/640.webp", TestContext.Current.CancellationToken);
        using var stillUnused = await cms.Client.GetAsync($"/media/{unusedImage}/640.webp", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stillUnused.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_upload_endpoint_refuses_anonymous_callers_and_cookie_posts_without_CSRF_proof(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var cookie = await Callers.AdministratorCookieAsync(cms);
        var readerKey = await Callers.ApiKeyAsync(cms, Permission.ViewContent);
        var mediaKey = await Callers.ApiKeyAsync(cms, Permission.ManageMedia);

        using var anonymous = await UploadAsync(cms, TestImages.Jpeg(300, 200), "a.jpg");
        using var withoutProof = await UploadAsync(cms, TestImages.Jpeg(301, 200), "b.jpg", r => r.Headers.Add("Cookie", cookie));
        using var reader = await UploadAsync(cms, TestImages.Jpeg(302, 200), "c.jpg", r => r.Headers.Add("X-Api-Key", readerKey));
        using var withProof = await UploadAsync(cms, TestImages.Jpeg(303, 200), "d.jpg", r =>
        {
            r.Headers.Add("Cookie", cookie);
            r.Headers.Add("X-Smile-Csrf", "1");
        });
        using var machine = await UploadAsync(cms, TestImages.Png(304, 200), "e.jpg", r => r.Headers.Add("X-Api-Key", mediaKey));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutProof.StatusCode);
        Assert.Contains("Anti-Forgery-Token", await ErrorAsync(withoutProof), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Contains("Medien verwalten", await ErrorAsync(reader), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, withProof.StatusCode);
        var created = (await withProof.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal((303, 200, "image/jpeg", "d.jpg"), (created["width"]!.GetValue<int>(), created["height"]!.GetValue<int>(), created["contentType"]!.GetValue<string>(), created["fileName"]!.GetValue<string>()));
        Assert.Equal(64, created["mediaId"]!.GetValue<string>().Length);
        Assert.Equal(HttpStatusCode.Created, machine.StatusCode);
        var corrected = (await machine.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("e.png", corrected["fileName"]!.GetValue<string>());
        Assert.Contains("ist aber ein PNG", corrected["notice"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_upload_gets_a_400_with_the_German_reason_never_a_500(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var key = await Callers.ApiKeyAsync(cms, Permission.ManageMedia);
        var jpeg = TestImages.Jpeg(640, 480);

        using var truncated = await UploadAsync(cms, jpeg[..(jpeg.Length / 3)], "kaputt.jpg", r => r.Headers.Add("X-Api-Key", key));
        using var bomb = await UploadAsync(cms, TestImages.PngBomb(), "bombe.png", r => r.Headers.Add("X-Api-Key", key));
        using var noFile = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = new MultipartFormDataContent { { new StringContent("x"), "title" } } };
        noFile.Headers.Add("X-Api-Key", key);
        using var missing = await cms.Client.SendAsync(noFile, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("„kaputt.jpg“ ist beschädigt oder unvollständig", await ErrorAsync(truncated), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("400 Megapixel", await ErrorAsync(bomb), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("keine Datei im Feld „file“", await ErrorAsync(missing), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Captions_of_a_published_video_are_served_as_text_vtt_and_an_unknown_size_is_not_found(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var library = cms.Services.GetRequiredService<MediaLibrary>();
        var vtt = (await library.UploadAsync(new MemoryStream("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nMoin!\n"u8.ToArray()), "moin.vtt", Actor.System)).Asset.Id;
        var poster = (await library.UploadAsync(new MemoryStream(TestImages.Jpeg(640, 360)), "poster.jpg", Actor.System)).Asset.Id;
        var itemId = "video-moin-" + provider;
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("Video", "de", new ContentInput
            {
                Title = "Moin " + provider,
                Fields = new JsonObject
                {
                    ["poster"] = new JsonObject { ["mediaId"] = poster, ["alt"] = "Ein Farbverlauf." },
                    ["captions"] = new JsonArray(new JsonObject { ["mediaId"] = vtt, ["decorative"] = true, ["caption"] = "Deutsch" }),
                },
            }, itemId);
            await e.PublishAsync(itemId);
        });

        var answer = await cms.QueryAsync($$"""{ video(id: "{{itemId}}") { captions { fileUrl contentType } poster { fileUrl contentType width } } }""");
        var track = answer.Data!["video"]!["captions"]![0]!;
        Assert.Equal(($"/media/{vtt}/original.vtt", "text/vtt"), (track["fileUrl"]!.GetValue<string>(), track["contentType"]!.GetValue<string>()));
        Assert.Equal(("image/jpeg", 640), (answer.Data!["video"]!["poster"]!["contentType"]!.GetValue<string>(), answer.Data!["video"]!["poster"]!["width"]!.GetValue<int>()));
        using var captions = await cms.Client.GetAsync(track["fileUrl"]!.GetValue<string>(), TestContext.Current.CancellationToken);
        using var wrongExtension = await cms.Client.GetAsync($"/media/{vtt}/original.pdf", TestContext.Current.CancellationToken);
        using var posterOriginal = await cms.Client.GetAsync(answer.Data!["video"]!["poster"]!["fileUrl"]!.GetValue<string>(), TestContext.Current.CancellationToken);
        using var tooWide = await cms.Client.GetAsync($"/media/{poster}/4000.webp", TestContext.Current.CancellationToken);
        using var unknownFormat = await cms.Client.GetAsync($"/media/{poster}/640.gif", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, captions.StatusCode);
        Assert.Equal("text/vtt", captions.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", captions.Headers.CacheControl?.ToString());
        Assert.StartsWith("WEBVTT", await captions.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrongExtension.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posterOriginal.StatusCode); // an image's original is for editors only
        Assert.Equal(HttpStatusCode.NotFound, tooWide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownFormat.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(RunningCms cms, byte[] bytes, string fileName, Action<HttpRequestMessage>? configure = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media") { Content = new MultipartFormDataContent { { file, "file", fileName } } };
        configure?.Invoke(request);
        return await cms.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]!.GetValue<string>();
}
