/* Role-play chats of the course.
 * The page holds each scenario as a printable script (data-roleplay-script);
 * this file turns it into a chat. No dependencies, no network, safe to run twice. */
(function () {
  "use strict";

  // The learner's records are another file's business (progress.js): the chat only announces
  // what happened, as events that bubble from the role-play to the document.
  function announce(root, name, detail) {
    root.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: detail }));
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function labelsOf(node) {
    try { return JSON.parse(node.getAttribute("data-labels")) || {}; } catch (error) { return {}; }
  }

  function textOf(node, name) {
    var part = node.querySelector(name ? '[data-text="' + name + '"]' : "[data-text]");
    return part ? part.innerText || part.textContent : "";
  }

  /* ---- the chat ---------------------------------------------------------- */

  function readScenario(root) {
    var turns = {}, endings = {}, first = null;
    root.querySelectorAll("[data-turn]").forEach(function (turn) {
      var id = turn.getAttribute("data-turn");
      first = first || id;
      turns[id] = {
        text: textOf(turn),
        choices: Array.prototype.map.call(turn.querySelectorAll("[data-choice]"), function (choice) {
          var link = choice.querySelector("[data-teaches]");
          return {
            reply: textOf(choice, "reply"), reaction: textOf(choice, "reaction"), note: textOf(choice, "note"),
            teaches: link ? { href: link.getAttribute("href"), text: link.textContent } : null,
            points: Number(choice.getAttribute("data-points")), mood: Number(choice.getAttribute("data-mood")),
            next: choice.getAttribute("data-next")
          };
        })
      };
    });
    root.querySelectorAll("[data-ending]").forEach(function (ending) {
      endings[ending.getAttribute("data-ending")] = textOf(ending);
    });
    return { turns: turns, endings: endings, first: first };
  }

  function Chat(root) {
    this.root = root;
    this.id = root.getAttribute("data-roleplay");
    this.max = Number(root.getAttribute("data-max-score"));
    this.startMood = Number(root.getAttribute("data-mood"));
    this.labels = labelsOf(root);
    this.customer = (root.querySelector("[data-customer-name]") || {}).textContent || "";
    this.scenario = readScenario(root);
    this.box = element("div", "course-chat-window");
    this.moodLine = element("p", "course-chat-window__mood");
    // The live region wraps the list: a role on the <ol> itself would orphan its items.
    var live = element("div", "course-chat-window__live");
    live.setAttribute("role", "log");
    live.setAttribute("aria-live", "polite");
    this.log = element("ol", "course-chat-window__log");
    live.appendChild(this.log);
    this.choices = element("div", "course-chat-window__choices");
    this.choices.setAttribute("role", "group");
    this.choices.setAttribute("aria-label", this.labels.choose || "");
    this.box.append(this.moodLine, live, this.choices);
    root.querySelector("[data-roleplay-script]").hidden = true;
    root.appendChild(this.box);
    this.start(false);
  }

  Chat.prototype.start = function (focus) {
    this.mood = this.startMood;
    this.score = 0;
    this.steps = [];
    this.log.textContent = "";
    this.showMood();
    this.play(this.scenario.first, focus);
  };

  Chat.prototype.showMood = function () {
    var faces = ["😡", "😠", "😟", "😐", "🙂"];
    this.moodLine.setAttribute("data-mood", String(this.mood));
    this.moodLine.textContent = this.labels.mood + ": " + faces[this.mood] + " " + this.labels["mood_" + this.mood];
  };

  Chat.prototype.say = function (who, text, className) {
    var line = element("li", "course-chat-window__line course-chat-window__line--" + className);
    var speaker = element("span", "course-chat-window__speaker", who);
    line.append(speaker, element("span", "course-chat-window__bubble", text));
    this.log.appendChild(line);
    return line;
  };

  Chat.prototype.play = function (turnId, focus) {
    var turn = this.scenario.turns[turnId], chat = this;
    this.say(this.customer, turn.text, "customer");
    this.choices.textContent = "";
    this.choices.appendChild(element("p", "course-chat-window__prompt", this.labels.choose));
    turn.choices.forEach(function (choice) {
      var button = element("button", "course-chat-window__choice", choice.reply);
      button.type = "button";
      button.addEventListener("click", function () { chat.choose(choice); });
      chat.choices.appendChild(button);
    });
    if (focus) { this.choices.querySelector("button").focus(); }
    this.reveal();
  };

  Chat.prototype.choose = function (choice) {
    this.choices.textContent = "";
    this.say(this.labels.agent, choice.reply, "agent");
    this.mood = Math.max(0, Math.min(4, this.mood + choice.mood));
    this.score += choice.points;
    this.steps.push(choice);
    this.showMood();
    this.log.appendChild(this.feedback(choice));
    if (this.scenario.turns[choice.next]) { this.play(choice.next, true); } else { this.finish(choice.next); }
  };

  Chat.prototype.feedback = function (choice) {
    var item = element("li", "course-chat-window__feedback");
    item.appendChild(element("p", "", this.labels.reaction + ": " + choice.reaction));
    item.appendChild(element("p", "", this.labels.mood + ": " + this.labels["mood_" + this.mood] +
      " · " + this.labels.points + ": " + choice.points));
    item.appendChild(this.note(choice));
    return item;
  };

  Chat.prototype.note = function (choice) {
    var note = element("p", "course-chat-window__note", this.labels.note + ": " + choice.note + " ");
    if (choice.teaches) {
      var link = element("a", "", choice.teaches.text);
      link.href = choice.teaches.href;
      note.appendChild(link);
    }
    return note;
  };

  Chat.prototype.finish = function (endingId) {
    var labels = this.labels, chat = this;
    var percent = this.max > 0 ? Math.round(this.score * 100 / this.max) : 0;
    var passed = this.score * 100 >= this.max * 80;
    var summary = element("li", "course-chat-window__summary course-chat-window__summary--" + (passed ? "passed" : "failed"));
    summary.setAttribute("data-summary", "");
    summary.appendChild(element("p", "course-chat-window__ending", labels.ending + ": " + this.scenario.endings[endingId]));
    var heading = element("h4", "", labels.summary);
    heading.tabIndex = -1;
    summary.appendChild(heading);
    summary.appendChild(element("p", "", fill(labels.score_line, { score: this.score, max: this.max, percent: percent })));
    summary.appendChild(element("p", "course-chat-window__verdict", passed ? labels.passed : labels.not_passed));
    summary.appendChild(element("p", "", labels.your_choices));
    var list = element("ol", "course-chat-window__steps");
    this.steps.forEach(function (step) {
      var item = element("li", "", step.reply + " (" + labels.points + ": " + step.points + ")");
      item.appendChild(chat.note(step));
      list.appendChild(item);
    });
    summary.appendChild(list);
    this.log.appendChild(summary);
    announce(this.root, "course:result", { scenario: this.id, score: this.score, max: this.max, passed: passed });
    var again = element("button", "md-button course-chat-window__again", labels.try_again);
    again.type = "button";
    again.addEventListener("click", function () { chat.start(true); });
    this.choices.textContent = "";
    this.choices.appendChild(again);
    heading.focus();
  };

  Chat.prototype.reveal = function () {
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var last = this.log.lastElementChild;
    if (last && last.scrollIntoView && this.steps.length) {
      last.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
    }
  };

  /* ---- start, however Material loaded the page ------------------------------ */

  function once(selector, start) {
    document.querySelectorAll(selector).forEach(function (node) {
      if (node.hasAttribute("data-ready")) { return; }
      node.setAttribute("data-ready", "");
      start(node);
    });
  }

  function initAll() {
    once("[data-roleplay]", function (node) { return new Chat(node); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
