// Support-desk text in Spanish, English, Portuguese and French for the bench dataset: subjects and
// message bodies of realistic length, assembled from sentences with varying names, domains, numbers
// and error codes, so that full-text search meets a real vocabulary rather than one repeated line.
import type { Rng } from "./rng";

export const languages = ["es", "en", "pt", "fr"] as const;
export type Language = (typeof languages)[number];

const subjects: Record<Language, string[]> = {
  es: [
    "La web no carga",
    "Error 500 al crear un sitio",
    "No recibo correos en {domain}",
    "Renovación del dominio {domain}",
    "Certificado SSL caducado",
    "El VPS {host} no responde",
    "Factura {n} duplicada",
    "Cambio de plan de hosting",
    "Copia de seguridad de la base de datos",
    "Lentitud en el panel de control",
    "Migración de {domain} a otro servidor",
    "Configurar registros DNS",
    "Cobro rechazado en la tarjeta",
    "Solicitud de presupuesto para {n} cuentas",
  ],
  en: [
    "Website is down",
    "500 error when creating a site",
    "Not receiving mail at {domain}",
    "Renewal of {domain}",
    "Expired SSL certificate",
    "VPS {host} is unreachable",
    "Invoice {n} charged twice",
    "Hosting plan upgrade",
    "Database backup restore",
    "Control panel is slow",
    "Moving {domain} to another server",
    "Setting up DNS records",
    "Card payment declined",
    "Quote request for {n} mailboxes",
  ],
  pt: [
    "O site não abre",
    "Erro 500 ao criar um site",
    "Não recebo e-mails em {domain}",
    "Renovação do domínio {domain}",
    "Certificado SSL expirado",
    "O VPS {host} não responde",
    "Fatura {n} duplicada",
    "Mudança de plano de hospedagem",
    "Restaurar cópia de segurança da base de dados",
    "Painel de controlo lento",
    "Migração de {domain} para outro servidor",
    "Configurar registos DNS",
    "Pagamento com cartão recusado",
    "Pedido de orçamento para {n} contas",
  ],
  fr: [
    "Le site ne s'affiche plus",
    "Erreur 500 à la création d'un site",
    "Je ne reçois plus les e-mails sur {domain}",
    "Renouvellement du domaine {domain}",
    "Certificat SSL expiré",
    "Le VPS {host} ne répond plus",
    "Facture {n} en double",
    "Changement d'offre d'hébergement",
    "Restauration de la sauvegarde de la base",
    "Le panneau de contrôle est lent",
    "Migration de {domain} vers un autre serveur",
    "Configuration des enregistrements DNS",
    "Paiement par carte refusé",
    "Demande de devis pour {n} comptes",
  ],
};

const sentences: Record<Language, string[]> = {
  es: [
    "Buenos días, desde esta mañana la página {domain} muestra un error {code} a todos los visitantes.",
    "He revisado el archivo .htaccess y los permisos de la carpeta public_html, pero el problema sigue.",
    "Al intentar crear un nuevo sitio web desde el panel de hosting, recibo un error 500.",
    "Los correos enviados a {name}@{domain} rebotan con el mensaje «mailbox unavailable».",
    "Necesitamos renovar el dominio antes del día {day}, porque la tienda online depende de él.",
    "El servidor {host} tiene la carga al {n} % y las consultas a la base de datos tardan varios segundos.",
    "Adjunto una captura de pantalla del error y el registro del navegador.",
    "Hemos actualizado WordPress y desde entonces el certificado SSL aparece como no válido.",
    "¿Podéis confirmar si hubo alguna incidencia en el centro de datos durante la noche?",
    "La factura número {n} aparece cobrada dos veces en el extracto de la tarjeta.",
    "Queremos pasar al plan Pro y añadir {n} cuentas de correo más para el equipo de ventas.",
    "Gracias por la respuesta; he probado los pasos indicados y ahora el sitio carga correctamente.",
    "Hemos reiniciado el servicio de correo y vaciado la cola; por favor, comprueba si ya recibes los mensajes.",
    "El registro DNS de tipo MX apunta a un servidor antiguo; lo hemos corregido y la propagación puede tardar hasta 24 horas.",
    "Para continuar necesitamos que nos indiques el nombre de usuario del panel y la hora aproximada del fallo.",
    "Hemos restaurado la copia de seguridad del día {day} en una base de datos nueva llamada {name}_restore.",
    "La migración de {domain} quedará terminada esta noche fuera del horario laboral.",
    "El cobro fue rechazado por el banco; puedes reintentarlo desde Facturación con otra tarjeta.",
    "Seguimos investigando el problema con el equipo de sistemas y te escribiremos en cuanto tengamos novedades.",
    "Revisa por favor la configuración del cliente de correo: el puerto SMTP debe ser 587 con STARTTLS.",
  ],
  en: [
    "Good morning, since this morning {domain} shows a {code} error to every visitor.",
    "I checked the .htaccess file and the permissions of public_html, but the problem remains.",
    "When I try to create a new website from the hosting panel I get a 500 error.",
    'Mail sent to {name}@{domain} bounces with "mailbox unavailable".',
    "We need to renew the domain before the {day}th, our online shop depends on it.",
    "Server {host} runs at {n} % load and database queries take several seconds.",
    "I attach a screenshot of the error and the browser console log.",
    "We updated WordPress and since then the SSL certificate shows as invalid.",
    "Could you confirm whether there was an incident in the data centre overnight?",
    "Invoice number {n} was charged twice on the card statement.",
    "We would like to move to the Pro plan and add {n} more mailboxes for the sales team.",
    "Thanks for the answer; I followed the steps and the site now loads correctly.",
    "We restarted the mail service and flushed the queue; please check whether messages arrive now.",
    "The MX record pointed at an old server; we fixed it and propagation can take up to 24 hours.",
    "To go on we need the panel user name and the approximate time of the failure.",
    "We restored the backup of the {day}th into a new database called {name}_restore.",
    "The migration of {domain} will be finished tonight outside business hours.",
    "The bank declined the payment; you can retry it from Billing with another card.",
    "We are still looking into it with the systems team and will write as soon as we know more.",
    "Please check the mail client settings: the SMTP port should be 587 with STARTTLS.",
  ],
  pt: [
    "Bom dia, desde esta manhã o site {domain} mostra um erro {code} a todos os visitantes.",
    "Verifiquei o ficheiro .htaccess e as permissões da pasta public_html, mas o problema continua.",
    "Ao tentar criar um novo site a partir do painel de alojamento, recebo um erro 500.",
    "Os e-mails enviados para {name}@{domain} são devolvidos com a mensagem «mailbox unavailable».",
    "Precisamos de renovar o domínio antes do dia {day}, porque a loja online depende dele.",
    "O servidor {host} está com {n} % de carga e as consultas à base de dados demoram vários segundos.",
    "Anexo uma captura de ecrã do erro e o registo do navegador.",
    "Atualizámos o WordPress e desde então o certificado SSL aparece como inválido.",
    "Podem confirmar se houve algum incidente no centro de dados durante a noite?",
    "A fatura número {n} foi cobrada duas vezes no extrato do cartão.",
    "Queremos passar para o plano Pro e acrescentar mais {n} contas de e-mail para a equipa de vendas.",
    "Obrigado pela resposta; segui os passos indicados e agora o site carrega corretamente.",
    "Reiniciámos o serviço de correio e esvaziámos a fila; por favor, verifique se já recebe as mensagens.",
    "O registo MX apontava para um servidor antigo; corrigimos e a propagação pode demorar até 24 horas.",
    "Para continuar precisamos do nome de utilizador do painel e da hora aproximada da falha.",
    "Restaurámos a cópia de segurança do dia {day} numa nova base de dados chamada {name}_restore.",
    "A migração de {domain} ficará concluída esta noite fora do horário de expediente.",
    "O banco recusou o pagamento; pode tentar novamente em Faturação com outro cartão.",
    "Continuamos a investigar com a equipa de sistemas e escreveremos assim que houver novidades.",
    "Verifique a configuração do cliente de e-mail: a porta SMTP deve ser 587 com STARTTLS.",
  ],
  fr: [
    "Bonjour, depuis ce matin le site {domain} affiche une erreur {code} à tous les visiteurs.",
    "J'ai vérifié le fichier .htaccess et les droits du dossier public_html, mais le problème persiste.",
    "En essayant de créer un nouveau site depuis le panneau d'hébergement, j'obtiens une erreur 500.",
    "Les e-mails envoyés à {name}@{domain} reviennent avec le message « mailbox unavailable ».",
    "Nous devons renouveler le domaine avant le {day}, notre boutique en ligne en dépend.",
    "Le serveur {host} est chargé à {n} % et les requêtes à la base de données prennent plusieurs secondes.",
    "Je joins une capture d'écran de l'erreur et le journal du navigateur.",
    "Nous avons mis à jour WordPress et depuis le certificat SSL apparaît comme non valide.",
    "Pouvez-vous confirmer s'il y a eu un incident dans le centre de données cette nuit ?",
    "La facture numéro {n} a été débitée deux fois sur le relevé de la carte.",
    "Nous souhaitons passer à l'offre Pro et ajouter {n} boîtes mail pour l'équipe commerciale.",
    "Merci pour la réponse ; j'ai suivi les étapes et le site se charge maintenant correctement.",
    "Nous avons redémarré le service de messagerie et vidé la file ; vérifiez si les messages arrivent.",
    "L'enregistrement MX pointait vers un ancien serveur ; nous l'avons corrigé, la propagation peut prendre 24 heures.",
    "Pour continuer, il nous faut l'identifiant du panneau et l'heure approximative de la panne.",
    "Nous avons restauré la sauvegarde du {day} dans une nouvelle base appelée {name}_restore.",
    "La migration de {domain} sera terminée ce soir en dehors des heures ouvrées.",
    "La banque a refusé le paiement ; vous pouvez réessayer depuis Facturation avec une autre carte.",
    "Nous continuons à chercher avec l'équipe systèmes et vous écrirons dès que nous en saurons plus.",
    "Vérifiez les réglages du client mail : le port SMTP doit être 587 avec STARTTLS.",
  ],
};

const names = ["ana", "bruno", "carla", "diego", "elena", "felipe", "gina", "hugo", "ines", "jorge", "karim", "lucie", "marta", "nuno"];
const tlds = ["example", "example.com", "example.es", "example.pt", "example.fr", "example.net"];
const codes = ["500", "502", "503", "404", "403", "ERR_CONNECTION_RESET", "ERR_SSL_PROTOCOL_ERROR"];

function fill(template: string, rng: Rng, org: number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "domain":
        return `cliente${org}.${rng.pick(tlds)}`;
      case "host":
        return `vps-${org}-${rng.int(1, 9)}`;
      case "name":
        return rng.pick(names);
      case "code":
        return rng.pick(codes);
      case "day":
        return String(rng.int(1, 28));
      default:
        return String(rng.int(2, 9_999));
    }
  });
}

export function subject(rng: Rng, language: Language, org: number): string {
  return fill(rng.pick(subjects[language]), rng, org);
}

/** A message body of 2 to 9 sentences (about 150 to 900 characters). */
export function body(rng: Rng, language: Language, org: number): string {
  const count = rng.int(2, 9);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(fill(rng.pick(sentences[language]), rng, org));
  return out.join(" ");
}
