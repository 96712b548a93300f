using SharingPlatform.Application.Stories;

namespace SharingPlatform.IntegrationTests.Stories;

/// <summary>Markdown that tries to inject script comes out as harmless text.</summary>
public sealed class StoryMarkdownTests
{
    [Fact]
    public void Plain_markdown_is_rendered()
    {
        var html = StoryMarkdown.ToHtml("# 완주 공구함\n\n**드릴**을 *빌려* 썼습니다.");

        html.ShouldContain("<h1");
        html.ShouldContain("<strong>드릴</strong>");
        html.ShouldContain("<em>빌려</em>");
    }

    [Fact]
    public void A_script_tag_stays_text()
    {
        var html = StoryMarkdown.ToHtml("안녕하세요 <script>alert(1)</script>\n\n<script>alert(2)</script>");

        html.ShouldNotContain("<script");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void Raw_html_with_attributes_stays_text()
    {
        var html = StoryMarkdown.ToHtml("<img src=x onerror=alert(1)>\n\n글 <a href=\"https://x.example\" onclick=\"alert(1)\">여기</a>\n\n<div style=\"position:fixed\">덮기</div>");

        html.ShouldNotContain("<img");
        html.ShouldNotContain("<a href=\"https://x.example\" onclick");
        html.ShouldNotContain("<div");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Theory]
    [InlineData("[눌러 보세요](javascript:alert(1))")]
    [InlineData("[눌러 보세요](JavaScript:alert(1))")]
    [InlineData("[눌러 보세요](  javascript:alert(1))")]
    [InlineData("[눌러 보세요](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[눌러 보세요](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[눌러 보세요][x]\n\n[x]: javascript:alert(1)")]
    public void Links_to_anything_but_http_https_or_mailto_become_text(string markdown)
    {
        var html = StoryMarkdown.ToHtml(markdown);

        html.ShouldNotContain("<a ");
        html.ShouldNotContain("href", Case.Insensitive);
    }

    [Fact]
    public void Safe_links_and_autolinks_carry_nofollow_ugc()
    {
        var html = StoryMarkdown.ToHtml("[전북 공유](https://jeonbuk.example/share) <https://wanju.example> <help@jeonbuk.example> www.jeonju.example");

        html.ShouldContain("href=\"https://jeonbuk.example/share\" rel=\"nofollow ugc\"");
        html.ShouldContain("href=\"https://wanju.example\" rel=\"nofollow ugc\"");
        html.ShouldContain("href=\"mailto:help@jeonbuk.example\" rel=\"nofollow ugc\"");
        html.Split("<a ").Skip(1).ShouldAllBe(a => a.Contains("rel=\"nofollow ugc\""));
    }

    [Fact]
    public void Images_are_shown_only_from_https()
    {
        StoryMarkdown.ToHtml("![모임 사진](https://photos.example/a.jpg)").ShouldContain("<img src=\"https://photos.example/a.jpg\"");

        var html = StoryMarkdown.ToHtml("![모임 사진](http://photos.example/a.jpg) ![x](javascript:alert(1))");
        html.ShouldNotContain("<img");
        html.ShouldContain("모임 사진");
    }

    [Fact]
    public void Quotes_in_a_link_title_cannot_break_out_of_the_attribute()
    {
        var html = StoryMarkdown.ToHtml("[a](https://a.example \"x\\\" onmouseover=\\\"alert(1)\")");

        html.ShouldNotContain("\" onmouseover=\"");
    }

    [Fact]
    public void A_path_on_the_site_stays_a_link_and_an_address_that_only_looks_like_one_does_not()
    {
        StoryMarkdown.ToHtml("[제안하기](/Proposals)").ShouldContain("<a href=\"/Proposals\" rel=\"nofollow ugc\">제안하기</a>");

        var html = StoryMarkdown.ToHtml("[a](//evil.example/x) [b](/\\evil.example)");
        html.ShouldNotContain("href");
    }
}
