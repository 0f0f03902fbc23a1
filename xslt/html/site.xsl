<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's corpus pages: the index of records, the persons page and the search page.
  Input: a tt:corpus holding every document (tt:doc, with the file names of its page, TEI and
  PDF) and the personography (tt:persons). `page` says which page to write.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tt="urn:tei-transcripts"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="../common/corpus.xsl"/>
  <xsl:include href="html_param.xsl"/>
  <xsl:include href="html_page.xsl"/>

  <!-- Which page to write: index, persons or search. -->
  <xsl:param name="page" as="xs:string" select="'index'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'index'"><xsl:call-template name="tt:index-page"/></xsl:when>
      <xsl:when test="$page = 'persons'"><xsl:call-template name="tt:persons-page"/></xsl:when>
      <xsl:when test="$page = 'search'"><xsl:call-template name="tt:search-page"/></xsl:when>
      <xsl:otherwise><xsl:sequence select="error((), 'unknown page: ' || $page)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Index -->

  <xsl:template name="tt:index-page">
    <xsl:variable name="dates" select="sort($docs ! tt:iso-date(*)[.])"/>
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Records'"/>
      <xsl:with-param name="current" select="'records'"/>
      <xsl:with-param name="content">
        <h1>Records of conversation</h1>
        <p class="corpus-summary">
          <xsl:value-of select="count($docs)"/> record<xsl:if test="count($docs) ne 1">s</xsl:if>
          <xsl:if test="exists($dates)">, <time datetime="{$dates[1]}"><xsl:value-of select="$dates[1]"/></time>
            to <time datetime="{$dates[last()]}"><xsl:value-of select="$dates[last()]"/></time></xsl:if>;
          <xsl:value-of select="count($docs//tei:text//tei:sp)"/> turns;
          <xsl:value-of select="count(distinct-values($docs/*/tt:participants(.) ! tt:person-key('#' || @xml:id, .)[.]))"/> participants.
        </p>
        <div class="table-tools">
          <label for="records-filter">Filter records</label>
          <input type="search" id="records-filter" data-filter="records" placeholder="name, title or date"/>
          <span class="filter-count" aria-live="polite" data-count-for="records"></span>
        </div>
        <table id="records" class="records sortable">
          <caption class="visually-hidden">All records, sortable by each column</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort="ascending"><button type="button" data-sort="0">Date</button></th>
              <th scope="col"><button type="button" data-sort="1">Title</button></th>
              <th scope="col"><button type="button" data-sort="2">Participants</button></th>
              <th scope="col"><button type="button" data-sort="3" data-type="number">Turns</button></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$docs">
              <xsl:variable name="tei" select="*"/>
              <tr>
                <td data-value="{tt:iso-date($tei)}"><xsl:value-of select="tt:date-label($tei)"/></td>
                <td><a href="{@page}"><xsl:value-of select="(tt:title($tei)[.], @page)[1]"/></a></td>
                <xsl:variable name="people" select="tt:participants($tei)"/>
                <xsl:variable name="principals" select="$people[tokenize(@role, ' ') = 'principal']"/>
                <td><xsl:value-of select="(if (exists($principals)) then $principals else $people) ! tt:person-name(.)" separator=", "/></td>
                <td data-value="{count($tei/tei:text//tei:sp)}"><xsl:value-of select="count($tei/tei:text//tei:sp)"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Persons -->

  <xsl:template name="tt:persons-page">
    <xsl:variable name="corpus" select="/"/>
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Persons'"/>
      <xsl:with-param name="current" select="'persons'"/>
      <xsl:with-param name="content">
        <h1>Persons</h1>
        <div class="table-tools">
          <label for="persons-filter">Filter persons</label>
          <input type="search" id="persons-filter" data-filter="persons" placeholder="name or role"/>
          <span class="filter-count" aria-live="polite" data-count-for="persons"></span>
        </div>
        <div id="persons" class="persons">
          <xsl:for-each select="$person-keys">
            <xsl:sort select="lower-case(tt:display-name(., $corpus))"/>
            <xsl:variable name="key" select="."/>
            <xsl:variable name="listed" select="key('tt:person', $key, $corpus)"/>
            <xsl:variable name="turns" select="key('tt:speaks', $key, $corpus)"/>
            <xsl:variable name="names" select="key('tt:named', $key, $corpus)"/>
            <section class="person-entry" id="{$key}" data-filter-item="">
              <h2><xsl:value-of select="tt:display-name($key, $corpus)"/></h2>
              <xsl:variable name="variants" select="distinct-values($listed/tei:persName[position() gt 1] ! normalize-space())"/>
              <xsl:if test="exists($variants)">
                <p class="variants"><span class="label">Also written </span><xsl:value-of select="$variants" separator="; "/></p>
              </xsl:if>
              <xsl:if test="$listed/(tei:nationality | tei:occupation | tei:roleName | tei:affiliation)">
                <p class="roles">
                  <xsl:value-of select="$listed/(tei:nationality | tei:occupation | tei:roleName | tei:affiliation) ! normalize-space()" separator=" · "/>
                </p>
              </xsl:if>
              <!-- Where the person is: as a participant, a speaker, a name; grouped by record. -->
              <xsl:variable name="participations" select="key('tt:participates', $key, $corpus)"/>
              <xsl:choose>
                <xsl:when test="empty(($participations, $turns, $names))"><p class="none">Not in any record of this edition.</p></xsl:when>
                <xsl:otherwise>
                  <ul class="appearances">
                    <xsl:for-each-group select="$participations | $turns | $names" group-by="generate-id(ancestor::tt:doc)">
                      <xsl:sort select="tt:iso-date(ancestor::tt:doc/*)"/>
                      <xsl:sort select="ancestor::tt:doc/@name"/>
                      <xsl:variable name="doc" select="ancestor::tt:doc"/>
                      <xsl:variable name="own" select="current-group()[self::tei:sp]"/>
                      <xsl:variable name="roles" select="current-group()/self::*[not(self::tei:sp | self::tei:persName)]/@role ! tokenize(., ' ')"/>
                      <li>
                        <a href="{$doc/@page}"><xsl:value-of select="(tt:title($doc/*)[.], $doc/@page)[1]"/></a>
                        <xsl:if test="exists($roles)"> (<xsl:value-of select="distinct-values($roles)" separator=", "/>)</xsl:if>
                        <xsl:text> — </xsl:text>
                        <xsl:value-of select="count($own)"/> turn<xsl:if test="count($own) ne 1">s</xsl:if>
                        <xsl:if test="exists($own)">
                          <xsl:text>: </xsl:text>
                          <xsl:for-each select="$own">
                            <a class="turn-link" href="{$doc/@page}#{tt:turn-id(.)}" aria-label="turn {position()} in {tt:title($doc/*)}"><xsl:value-of select="position()"/></a>
                            <xsl:if test="position() ne last()"><xsl:text> </xsl:text></xsl:if>
                          </xsl:for-each>
                        </xsl:if>
                      </li>
                    </xsl:for-each-group>
                  </ul>
                </xsl:otherwise>
              </xsl:choose>
            </section>
          </xsl:for-each>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Search -->

  <xsl:template name="tt:search-page">
    <xsl:call-template name="tt:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="scripts" select="'search-index.js', 'search.js'"/>
      <xsl:with-param name="content">
        <h1>Search the turns</h1>
        <form id="search-form" class="search-form" role="search">
          <p>
            <label for="search-query">Words</label>
            <input type="search" id="search-query" name="q" autocomplete="off"/>
          </p>
          <p>
            <label for="search-speaker">Speaker</label>
            <select id="search-speaker" name="speaker">
              <option value="">Anyone</option>
            </select>
          </p>
          <p>
            <label for="search-from">From</label>
            <input type="date" id="search-from" name="from"/>
          </p>
          <p>
            <label for="search-to">To</label>
            <input type="date" id="search-to" name="to"/>
          </p>
          <p><button type="submit">Search</button></p>
        </form>
        <p id="search-status" aria-live="polite">Type words to search <xsl:value-of select="count($docs//tei:text//tei:sp)"/> turns.</p>
        <ol id="search-results" class="search-results"></ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
