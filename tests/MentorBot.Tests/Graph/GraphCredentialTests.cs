using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using MentorBot.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Graph;

public sealed class GraphCredentialTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-cert-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_password_protected_pfx_gives_a_certificate_credential()
    {
        var path = WritePfx("s3cret");

        var options = Options(new GraphOptions { TenantId = "tenant", ClientId = "client", ClientCertificatePath = path, ClientCertificatePassword = "s3cret" });

        Assert.True(options.Value.IsConfigured);
        Assert.IsType<ClientCertificateCredential>(GraphCredential.From(options).Credential);
    }

    [Fact]
    public void A_pem_with_its_key_gives_a_certificate_credential()
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var path = Path.Combine(_folder, "graph.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());

        var credential = GraphCredential.From(Options(new GraphOptions { TenantId = "tenant", ClientId = "client", ClientCertificatePath = path }));

        Assert.IsType<ClientCertificateCredential>(credential.Credential);
    }

    [Fact]
    public void A_secret_wins_over_a_certificate_and_nothing_is_configured_without_a_credential()
    {
        var both = Options(new GraphOptions { TenantId = "tenant", ClientId = "client", ClientSecret = "secret", ClientCertificatePath = WritePfx("x"), ClientCertificatePassword = "x" });

        Assert.IsType<ClientSecretCredential>(GraphCredential.From(both).Credential);
        Assert.False(new GraphOptions { TenantId = "tenant", ClientId = "client" }.IsConfigured);
        Assert.Null(GraphCredential.From(Options(new GraphOptions { TenantId = "tenant", ClientId = "client" })).Credential);
    }

    [Theory]
    [InlineData("missing.pfx", null, "Graph:ClientCertificatePath names a file that does not exist.")]
    [InlineData(null, "s3cret", "Graph:ClientCertificatePassword is set but Graph:ClientCertificatePath is not.")]
    public void Certificate_settings_are_checked_at_start(string? file, string? password, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "tenant",
            ["Graph:ClientId"] = "client",
            ["Graph:ClientCertificatePath"] = file is null ? null : Path.Combine(_folder, file),
            ["Graph:ClientCertificatePassword"] = password,
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGraph().BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Contains(expected, failure.Failures);
    }

    private static IOptions<GraphOptions> Options(GraphOptions options) => Microsoft.Extensions.Options.Options.Create(options);

    private static X509Certificate2 SelfSigned(RSA key)
    {
        var request = new CertificateRequest("CN=MentorBot Graph test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
    }

    private string WritePfx(string password)
    {
        using var key = RSA.Create(2048);
        using var certificate = SelfSigned(key);
        var path = Path.Combine(_folder, $"graph-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
