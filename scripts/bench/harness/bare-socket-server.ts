// P4's floor: a bare socket.io server in a process of its own — no session, no rooms worked out,
// no database. Every client joins one room; `POST /emit` emits one event to it and answers, the
// same path as a status change (an HTTP request, then an emit) with nothing of Mesa in between.
// Prints its port once listening.
import { createServer } from "node:http";
import { Server } from "socket.io";

const http = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/emit") {
    io.to("watchers").emit("ticket.changed", { ticketId: "bare", eventId: String(Date.now()) });
    res.writeHead(200).end("ok");
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, { serveClient: false });
io.on("connection", (socket) => void socket.join("watchers"));
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  console.info(typeof address === "object" && address ? address.port : 0);
});
process.on("SIGTERM", () => {
  io.close();
  process.exit(0);
});
