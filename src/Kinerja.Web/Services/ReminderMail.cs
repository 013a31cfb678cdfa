using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kinerja.Web.Services;

/// <summary>The SMTP settings (section Kinerja:Email); e-mail is off while <see cref="Host"/> is empty.</summary>
public sealed class EmailOptions
{
    public const string Section = "Kinerja:Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string Tls { get; set; } = "Auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? SenderAddress { get; set; }

    public string SenderName { get; set; } = "Kinerja";

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts for one reminder's e-mail, the first included; after the last failure it is given up (it stays in the app).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Minutes before the second attempt; each later wait doubles (5, 10, 20 by default), taken at the scheduler's next run after it.</summary>
    public int RetryMinutes { get; set; } = 5;

    /// <summary>When the attempt after attempt number <paramref name="attempts"/> (a failure) is due; null when given up.</summary>
    public DateTimeOffset? RetryAfter(int attempts, DateTimeOffset failedAt) =>
        attempts >= MaxAttempts ? null : failedAt.AddMinutes(RetryMinutes * Math.Pow(2, attempts - 1));

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions Security =>
        Enum.TryParse<SecureSocketOptions>(Tls, ignoreCase: true, out var s) ? s
        : throw new InvalidOperationException($"Kinerja:Email:Tls \"{Tls}\" tidak dikenal; gunakan Auto, None, StartTls, StartTlsWhenAvailable atau SslOnConnect");

    /// <summary>Refuses settings that cannot send, at start rather than at the first reminder.</summary>
    public void Validate()
    {
        if (!Enabled)
            return;
        _ = Security;
        if (string.IsNullOrWhiteSpace(SenderAddress) || !MailboxAddress.TryParse(SenderAddress, out _))
            throw new InvalidOperationException("Kinerja:Email:SenderAddress harus berisi alamat surel pengirim bila Kinerja:Email:Host diisi");
        if (MaxAttempts < 1 || RetryMinutes < 0)
            throw new InvalidOperationException("Kinerja:Email:MaxAttempts harus paling sedikit 1 dan Kinerja:Email:RetryMinutes tidak negatif");
        if (Port is <= 0 or > 65535)
            throw new InvalidOperationException($"Kinerja:Email:Port {Port} tidak sah");
    }
}

/// <summary>One e-mail to send: the address and name of the person, the subject and the plain text.</summary>
public sealed record OutgoingMail(string Key, string ToAddress, string ToName, string Subject, string Body);

/// <summary>Sends reminder e-mails through SMTP with MailKit; one connection for a run's messages.</summary>
public sealed class ReminderMailer(EmailOptions options, ILogger<ReminderMailer> log)
{
    public bool Enabled => options.Enabled;

    public EmailOptions Options => options;

    /// <summary>Sends every message; the result per key: null when sent, else why not (in Bahasa Indonesia).</summary>
    public async Task<Dictionary<string, string?>> SendAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (mails.Count == 0)
            return result;
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.User))
                await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException or SslHandshakeException or TimeoutException)
        {
            log.LogWarning(e, "server surel {Host}:{Port} tidak dapat dihubungi; {Count} pengingat tidak dikirim lewat surel", options.Host, options.Port, mails.Count);
            foreach (var m in mails)
                result[m.Key] = "server surel tidak dapat dihubungi: " + e.Message;
            return result;
        }

        foreach (var mail in mails)
        {
            try
            {
                await client.SendAsync(Message(mail), cancellationToken);
                result[mail.Key] = null;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                log.LogWarning(e, "pengingat {Key} tidak terkirim ke {Address}", mail.Key, mail.ToAddress);
                result[mail.Key] = "surel ditolak: " + e.Message;
                if (!client.IsConnected)
                    break;
            }
        }

        foreach (var m in mails.Where(m => !result.ContainsKey(m.Key)))
            result[m.Key] = "sambungan ke server surel terputus";
        if (client.IsConnected)
            await client.DisconnectAsync(quit: true, cancellationToken);
        return result;
    }

    private MimeMessage Message(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.SenderName, options.SenderAddress!));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        // the reminder's unique key travels with the message, so a mail log can be matched to the notification
        message.Headers.Add("X-Kinerja-Pengingat", mail.Key);
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
