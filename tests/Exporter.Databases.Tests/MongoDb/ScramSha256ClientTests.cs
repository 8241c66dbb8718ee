using System.Security.Authentication;
using Exporter.Databases.MongoDb;

namespace Exporter.Databases.Tests.MongoDb;

public class ScramSha256ClientTests
{
    // RFC 7677 §3, the published SCRAM-SHA-256 exchange for user "user", password "pencil".
    private const string ClientNonce = "rOprNGfwEbeRWgbNEkqO";
    private const string ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private const string ClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private const string ServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    [Fact]
    public void Reproduces_the_rfc_7677_exchange()
    {
        var scram = new ScramSha256Client("user", "pencil", ClientNonce);

        scram.ClientFirstMessage.Should().Be("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        scram.ClientFinalMessage(ServerFirst).Should().Be(ClientFinal);
        scram.Invoking(s => s.VerifyServerFinal(ServerFinal)).Should().NotThrow();
    }

    [Fact]
    public void Rejects_a_server_signature_made_without_the_password()
    {
        var scram = new ScramSha256Client("user", "pencil", ClientNonce);
        scram.ClientFinalMessage(ServerFirst);

        scram.Invoking(s => s.VerifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
            .Should().Throw<AuthenticationException>().WithMessage("*signature does not match*");
    }

    [Fact]
    public void A_different_password_gives_a_different_proof()
    {
        var scram = new ScramSha256Client("user", "pencil2", ClientNonce);
        scram.ClientFinalMessage(ServerFirst).Should().NotBe(ClientFinal).And.StartWith("c=biws,r=");
    }

    [Theory]
    [InlineData("r=someoneelse123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "*nonce*")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "*nonce*")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=100", "*iteration*")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=999999999", "*iteration*")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,s=!!!,i=4096", "*salt*")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,i=4096", "*'s='*")]
    [InlineData("e=unknown-user", "*unknown-user*")]
    [InlineData("m=ext,r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "*extension*")]
    [InlineData("garbage", "*malformed*")]
    public void Rejects_a_bad_server_first_message(string serverFirst, string message)
    {
        var scram = new ScramSha256Client("user", "pencil", ClientNonce);
        scram.Invoking(s => s.ClientFinalMessage(serverFirst)).Should().Throw<AuthenticationException>().WithMessage(message);
    }

    [Fact]
    public void Escapes_comma_and_equals_in_the_user_name()
    {
        new ScramSha256Client("a=b,c", "x", "nonce").ClientFirstMessage.Should().Be("n,,n=a=3Db=2Cc,r=nonce");
    }

    [Theory]
    [InlineData("r=x,s=AA==,i=4096")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,s=AA==,i=1")]
    [InlineData("r=rOprNGfwEbeRWgbNEkqOxyz,s=%%,i=4096")]
    public void Errors_never_contain_the_password(string serverFirst)
    {
        var scram = new ScramSha256Client("user", "s3cret-pass", ClientNonce);
        scram.Invoking(s => s.ClientFinalMessage(serverFirst)).Should().Throw<AuthenticationException>()
            .Which.Message.Should().NotContain("s3cret");
    }

    [Theory]
    [InlineData("pencil", "pencil")]
    [InlineData("I\u00ADX", "IX")] // soft hyphen is mapped to nothing (RFC 4013 §3 example)
    [InlineData("user\u00A0name", "user name")] // non-ASCII space becomes U+0020
    [InlineData("caf\u00E9\u200B", "caf\u00E9")] // zero-width space is mapped to nothing
    public void Saslprep_maps_and_normalises(string input, string expected)
    {
        SaslPrep.Prepare(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("a\u0007b")] // control character (RFC 4013 §3 example)
    [InlineData("a\uE000b")] // private use
    [InlineData("a\u200Eb")] // changes display
    public void Saslprep_rejects_prohibited_characters_without_echoing_them(string input)
    {
        var act = () => SaslPrep.Prepare(input);
        act.Should().Throw<FormatException>().Which.Message.Should().NotContain(input);
    }

    [Fact]
    public void Saslprep_rejects_a_lone_surrogate()
    {
        var act = () => SaslPrep.Prepare(new string(['a', (char)0xD800, 'b']));
        act.Should().Throw<FormatException>().WithMessage("*surrogate*");
    }
}
