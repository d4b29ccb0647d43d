// A few knowledge-base articles per language, for the demo and the suggestion tests.
import type { AppLocale } from "../i18n/locales";

export const demoArticles: Record<AppLocale, { title: string; body: string }[]> = {
  es: [
    {
      title: "Cómo configurar tu cuenta de correo en Outlook",
      body: "Pasos para configurar el correo IMAP y SMTP de tu dominio en Outlook: servidor entrante, saliente, puertos y cifrado.",
    },
    {
      title: "Restablecer la contraseña del panel",
      body: "Si olvidaste tu contraseña, usa el enlace de recuperación en la pantalla de inicio de sesión.",
    },
    {
      title: "Apuntar un dominio a tu hosting (DNS)",
      body: "Cambia los servidores DNS de tu dominio o crea registros A y CNAME hacia tu servidor.",
    },
  ],
  en: [
    {
      title: "How to set up your email account in Outlook",
      body: "Steps to configure your domain's IMAP and SMTP mail in Outlook: incoming and outgoing server, ports and encryption.",
    },
    { title: "Reset your panel password", body: "If you forgot your password, use the recovery link on the sign-in screen." },
    {
      title: "Point a domain to your hosting (DNS)",
      body: "Change your domain's name servers or create A and CNAME records for your server.",
    },
  ],
  pt: [
    {
      title: "Como configurar sua conta de e-mail no Outlook",
      body: "Passos para configurar o e-mail IMAP e SMTP do seu domínio no Outlook: servidor de entrada, de saída, portas e criptografia.",
    },
    { title: "Redefinir a senha do painel", body: "Se você esqueceu sua senha, use o link de recuperação na tela de login." },
    {
      title: "Apontar um domínio para sua hospedagem (DNS)",
      body: "Altere os servidores DNS do seu domínio ou crie registros A e CNAME para o seu servidor.",
    },
  ],
  fr: [
    {
      title: "Configurer votre compte de messagerie dans Outlook",
      body: "Étapes pour configurer la messagerie IMAP et SMTP de votre domaine dans Outlook : serveur entrant, sortant, ports et chiffrement.",
    },
    {
      title: "Réinitialiser le mot de passe du panneau",
      body: "Si vous avez oublié votre mot de passe, utilisez le lien de récupération sur l'écran de connexion.",
    },
    {
      title: "Faire pointer un domaine vers votre hébergement (DNS)",
      body: "Modifiez les serveurs DNS de votre domaine ou créez des enregistrements A et CNAME vers votre serveur.",
    },
  ],
};
