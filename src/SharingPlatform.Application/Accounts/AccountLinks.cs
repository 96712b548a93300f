using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SharingPlatform.Application.Accounts;

/// <summary>The site pages that account emails link to. Identity's tokens travel base64url-encoded.</summary>
public static class AccountLinks
{
    public static Uri ConfirmEmail(this IAppLinks links, Guid userId, string token) =>
        links.To($"/Account/ConfirmEmail?userId={userId}&code={Encode(token)}");

    public static Uri ResetPassword(this IAppLinks links, string email, string token) =>
        links.To($"/Account/ResetPassword?email={Uri.EscapeDataString(email)}&code={Encode(token)}");

    public static Uri SignIn(this IAppLinks links) => links.To("/Account/Login");

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
