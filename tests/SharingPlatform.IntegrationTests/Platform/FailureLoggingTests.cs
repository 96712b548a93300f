using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SharingPlatform.Application.Common;
using SharingPlatform.Tests.Support;

namespace SharingPlatform.IntegrationTests.Platform;

/// <summary>An operator reads the log to learn why a request failed: an API failure is there, a refusal is not an error.</summary>
public sealed class FailureLoggingTests
{
    [Fact]
    public async Task A_failure_under_the_api_answers_500_and_is_logged_as_an_error_with_its_exception_but_a_refusal_is_not()
    {
        var logs = new CapturedErrors();
        await using var app = new AppFactory(new AppFactory.Settings("failure-log", RunJobServer: false, Services: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IStartupFilter>(new FailingRoute());
        }));
        await app.StartAsync();
        using var client = app.NewClient();

        var failed = await client.GetAsync(FailingRoute.Path);
        var refused = await client.GetAsync($"/api/v1/resources/{Guid.NewGuid()}");

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        failed.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await failed.Content.ReadAsStringAsync()).ShouldNotContain(FailingRoute.Message);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        logs.Errors.ShouldContain(e => e is InvalidOperationException && e.Message == FailingRoute.Message);
        logs.Errors.ShouldNotContain(e => e is NotFoundException);
    }

    /// <summary>A path no endpoint answers reaches this last step of the pipeline, which fails as a bug would.</summary>
    private sealed class FailingRoute : IStartupFilter
    {
        public const string Path = "/api/v1/failure-for-the-log";
        public const string Message = "a bug in the request's path";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path == Path ? throw new InvalidOperationException(Message) : following(context));
        };
    }
}
