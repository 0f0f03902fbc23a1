<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  ODD → one HTML page of encoding guidelines.

  The ODD's prose first, then a reference entry for every element (gloss, description,
  content model, attributes with their value lists, classes, where it may appear, examples,
  Schematron rules), then the classes, macros and datatypes. One self-contained page, no
  script and no request outside it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:eg="http://www.tei-c.org/ns/Examples"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:odd="urn:tei-transcripts:odd"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="xs tei eg sch odd">

  <xsl:include href="odd-common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:variable name="spec" select="odd:schema-spec(/)"/>
  <xsl:variable name="elements" as="element(tei:elementSpec)*">
    <xsl:perform-sort select="$spec/tei:elementSpec">
      <xsl:sort select="lower-case(@ident)"/>
    </xsl:perform-sort>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="title" select="normalize-space(/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-transcripts xslt/odd/odd2html.xsl"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
          header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
          h1 { font-size: 1.7rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
          h3 { margin-top: 2rem; }
          code, pre { font-family: ui-monospace, monospace; font-size: 0.92em; }
          pre { background: #f4f4f4; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
          table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
          th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
          th { background: #f0f0f0; }
          nav ul { columns: 12rem; padding-left: 1rem; }
          .spec { border-top: 1px solid #ddd; padding-top: 0.5rem; }
          .gloss { color: #444; font-style: italic; }
          .model { background: #f7f7ff; padding: 0.4rem; }
          .role-warning { color: #7a4a00; } .role-error { color: #a00000; }
          a { color: #0645ad; } a:focus { outline: 2px solid #0645ad; }
        </style>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="$title"/></h1>
          <p>Generated from <code>schema/transcripts.odd</code> by <code>tei-transcripts schema</code>.
            The RelaxNG grammar and Schematron rules beside this page come from the same source.</p>
        </header>
        <main>
          <nav aria-label="Contents">
            <h2>Contents</h2>
            <ul>
              <xsl:for-each select="/tei:TEI/tei:text/tei:body/tei:div[tei:head][not(.//tei:schemaSpec)]">
                <li><a href="#{@xml:id}"><xsl:value-of select="tei:head"/></a></li>
              </xsl:for-each>
              <li><a href="#elements">Elements</a></li>
              <li><a href="#rules">Schematron rules</a></li>
              <li><a href="#classes">Classes</a></li>
              <li><a href="#macros">Macros and datatypes</a></li>
            </ul>
          </nav>
          <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/tei:div[not(.//tei:schemaSpec)]"/>

          <section id="elements" aria-labelledby="elements-h">
            <h2 id="elements-h">Elements</h2>
            <nav aria-label="Elements">
              <ul>
                <xsl:for-each select="$elements">
                  <li><a href="#{odd:anchor(.)}"><code>&lt;<xsl:value-of select="@ident"/>&gt;</code></a>
                    <xsl:text> </xsl:text><span class="gloss"><xsl:value-of select="tei:gloss"/></span></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:apply-templates select="$elements" mode="reference"/>
          </section>

          <section id="rules" aria-labelledby="rules-h">
            <h2 id="rules-h">Schematron rules</h2>
            <table>
              <thead><tr><th scope="col">Rule</th><th scope="col">Role</th><th scope="col">Element</th><th scope="col">What it checks</th></tr></thead>
              <tbody>
                <xsl:for-each select="$spec/tei:elementSpec/tei:constraintSpec//(sch:assert | sch:report)">
                  <xsl:sort select="odd:rule-id(.)"/>
                  <tr>
                    <td id="rule-{odd:rule-id(.)}"><code><xsl:value-of select="odd:rule-id(.)"/></code></td>
                    <td class="role-{(@role, 'error')[1]}"><xsl:value-of select="(@role, 'error')[1]"/></td>
                    <td><a href="#{odd:anchor(ancestor::tei:elementSpec)}"><code>&lt;<xsl:value-of select="ancestor::tei:elementSpec/@ident"/>&gt;</code></a></td>
                    <td><xsl:apply-templates select="ancestor::tei:constraintSpec/tei:desc/node()"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </section>

          <section id="classes" aria-labelledby="classes-h">
            <h2 id="classes-h">Classes</h2>
            <xsl:for-each select="$spec/tei:classSpec">
              <xsl:sort select="@ident"/>
              <div class="spec" id="{odd:anchor(.)}">
                <h3><code><xsl:value-of select="@ident"/></code></h3>
                <p><xsl:apply-templates select="tei:desc/node()"/></p>
                <xsl:choose>
                  <xsl:when test="@type = 'model'">
                    <p>Members: <xsl:for-each select="odd:members(.)">
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <a href="#{odd:anchor(.)}"><code><xsl:value-of select="@ident"/></code></a>
                    </xsl:for-each></p>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="attribute-table">
                      <xsl:with-param name="attributes" select="odd:attributes(.)"/>
                    </xsl:call-template>
                    <p>Members: <xsl:for-each select="$spec/(tei:elementSpec | tei:classSpec)[tei:classes/tei:memberOf/@key = current()/@ident]">
                      <xsl:sort select="lower-case(@ident)"/>
                      <xsl:if test="position() gt 1">, </xsl:if>
                      <a href="#{odd:anchor(.)}"><code><xsl:value-of select="@ident"/></code></a>
                    </xsl:for-each></p>
                  </xsl:otherwise>
                </xsl:choose>
              </div>
            </xsl:for-each>
          </section>

          <section id="macros" aria-labelledby="macros-h">
            <h2 id="macros-h">Macros and datatypes</h2>
            <xsl:for-each select="$spec/(tei:macroSpec | tei:dataSpec)">
              <xsl:sort select="@ident"/>
              <div class="spec" id="{odd:anchor(.)}">
                <h3><code><xsl:value-of select="@ident"/></code></h3>
                <p><xsl:apply-templates select="tei:desc/node()"/></p>
                <p class="model"><code><xsl:apply-templates select="tei:content/*" mode="model"/></code></p>
              </div>
            </xsl:for-each>
          </section>
        </main>
        <footer><p>Licence of this documentation:
          <xsl:value-of select="normalize-space(/tei:TEI/tei:teiHeader//tei:licence)"/>.</p></footer>
      </body>
    </html>
  </xsl:template>

  <!-- ================================================================ prose -->

  <xsl:template match="tei:div">
    <section id="{@xml:id}">
      <xsl:apply-templates/>
    </section>
  </xsl:template>
  <xsl:template match="tei:div/tei:head">
    <h2><xsl:apply-templates/></h2>
  </xsl:template>
  <xsl:template match="tei:p">
    <p><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:list">
    <ul><xsl:apply-templates/></ul>
  </xsl:template>
  <xsl:template match="tei:item">
    <li><xsl:apply-templates/></li>
  </xsl:template>
  <xsl:template match="tei:gi">
    <xsl:variable name="target" select="$spec/tei:elementSpec[@ident = current()]"/>
    <xsl:choose>
      <xsl:when test="$target"><a href="#{odd:anchor($target)}"><code>&lt;<xsl:value-of select="."/>&gt;</code></a></xsl:when>
      <xsl:otherwise><code>&lt;<xsl:value-of select="."/>&gt;</code></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:att">
    <code>@<xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="tei:val">
    <code>"<xsl:value-of select="."/>"</code>
  </xsl:template>
  <xsl:template match="tei:code | tei:ident">
    <code><xsl:value-of select="."/></code>
  </xsl:template>
  <xsl:template match="tei:q">
    <xsl:text>“</xsl:text><xsl:apply-templates/><xsl:text>”</xsl:text>
  </xsl:template>
  <xsl:template match="tei:*">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ================================================================ element reference -->

  <xsl:template match="tei:elementSpec" mode="reference">
    <xsl:variable name="ident" select="@ident"/>
    <article class="spec" id="{odd:anchor(.)}" aria-labelledby="{odd:anchor(.)}-h">
      <h3 id="{odd:anchor(.)}-h"><code>&lt;<xsl:value-of select="@ident"/>&gt;</code>
        <xsl:text> </xsl:text><span class="gloss">(<xsl:value-of select="tei:gloss"/>)</span></h3>
      <p><xsl:apply-templates select="tei:desc/node()"/></p>
      <p>Module: <xsl:value-of select="@module"/>.
        <xsl:if test="tei:classes/tei:memberOf">Member of:
          <xsl:for-each select="tei:classes/tei:memberOf">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="#{odd:anchor(odd:spec(., @key))}"><code><xsl:value-of select="@key"/></code></a>
          </xsl:for-each>.</xsl:if></p>
      <h4>Content</h4>
      <p class="model"><code><xsl:apply-templates select="tei:content/*" mode="model"/></code></p>
      <xsl:variable name="parents" select="$elements[$ident = odd:children(.)]"/>
      <xsl:if test="$parents">
        <p>May appear in:
          <xsl:for-each select="$parents">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="#{odd:anchor(.)}"><code><xsl:value-of select="@ident"/></code></a>
          </xsl:for-each>.</p>
      </xsl:if>
      <xsl:variable name="attributes" select="odd:attributes(.)"/>
      <xsl:if test="$attributes">
        <h4>Attributes</h4>
        <xsl:call-template name="attribute-table">
          <xsl:with-param name="attributes" select="$attributes"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="tei:constraintSpec">
        <h4>Rules</h4>
        <ul>
          <xsl:for-each select="tei:constraintSpec//(sch:assert | sch:report)">
            <li><a href="#rule-{odd:rule-id(.)}"><code><xsl:value-of select="odd:rule-id(.)"/></code></a>
              (<span class="role-{(@role, 'error')[1]}"><xsl:value-of select="(@role, 'error')[1]"/></span>):
              <xsl:apply-templates select="ancestor::tei:constraintSpec/tei:desc/node()"/>
              Message: “<xsl:apply-templates select="node()" mode="message"/>”</li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <h4>Example<xsl:if test="count(tei:exemplum) gt 1">s</xsl:if></h4>
      <xsl:apply-templates select="tei:exemplum"/>
    </article>
  </xsl:template>

  <xsl:template name="attribute-table">
    <xsl:param name="attributes" as="element(tei:attDef)*"/>
    <table>
      <thead><tr><th scope="col">Attribute</th><th scope="col">Use</th><th scope="col">Values</th><th scope="col">Meaning</th></tr></thead>
      <tbody>
        <xsl:for-each select="$attributes">
          <tr>
            <td><code>@<xsl:value-of select="@ident"/></code>
              <xsl:if test="ancestor::tei:classSpec"><br/><small>from <a href="#{odd:anchor(ancestor::tei:classSpec)}"><xsl:value-of select="ancestor::tei:classSpec/@ident"/></a></small></xsl:if></td>
            <td><xsl:value-of select="if (@usage = 'req') then 'required' else 'optional'"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="tei:valList[@type = 'closed']">
                  <xsl:if test="tei:datatype/@maxOccurs = 'unbounded'">one or more of: </xsl:if>
                  <dl>
                    <xsl:for-each select="tei:valList/tei:valItem">
                      <dt><code><xsl:value-of select="@ident"/></code></dt>
                      <dd><xsl:apply-templates select="tei:desc/node()"/></dd>
                    </xsl:for-each>
                  </dl>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:if test="tei:datatype/@maxOccurs = 'unbounded'">one or more of </xsl:if>
                  <xsl:apply-templates select="tei:datatype/*" mode="model"/>
                </xsl:otherwise>
              </xsl:choose>
            </td>
            <td><xsl:apply-templates select="tei:desc/node()"/>
              <xsl:apply-templates select="tei:exemplum"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="tei:exemplum">
    <xsl:apply-templates select="tei:p"/>
    <xsl:for-each select="eg:egXML">
      <pre><code><xsl:value-of select="serialize(odd:plain(node()), map {'method': 'xml', 'indent': false(), 'omit-xml-declaration': true()})"/></code></pre>
    </xsl:for-each>
  </xsl:template>

  <!-- Example markup without its namespace, as an editor types it. -->
  <xsl:function name="odd:plain" as="node()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <xsl:when test="self::element()">
          <xsl:element name="{if (namespace-uri() = 'http://www.tei-c.org/ns/Examples') then local-name() else name()}"
            namespace="{if (namespace-uri() = 'http://www.tei-c.org/ns/Examples') then '' else namespace-uri()}">
            <xsl:copy-of select="@*"/>
            <xsl:sequence select="odd:plain(node())"/>
          </xsl:element>
        </xsl:when>
        <xsl:otherwise>
          <xsl:copy-of select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- ================================================================ content models as text -->

  <xsl:template match="tei:sequence | tei:alternate" mode="model">
    <xsl:text>(</xsl:text>
    <xsl:for-each select="*">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="if (parent::tei:sequence) then ', ' else ' | '"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="model"/>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <xsl:value-of select="odd:occurs(.)"/>
  </xsl:template>
  <xsl:template match="tei:elementRef | tei:classRef | tei:macroRef | tei:dataRef[@key]" mode="model">
    <a href="#{odd:anchor(odd:spec(., @key))}"><xsl:value-of select="@key"/></a>
    <xsl:value-of select="odd:occurs(.)"/>
  </xsl:template>
  <xsl:template match="tei:dataRef[@name]" mode="model">
    <xsl:value-of select="concat('xsd:', @name)"/>
    <xsl:if test="@restriction"> matching /<xsl:value-of select="@restriction"/>/</xsl:if>
  </xsl:template>
  <xsl:template match="tei:textNode" mode="model">text</xsl:template>
  <xsl:template match="tei:empty" mode="model">empty</xsl:template>

  <!-- A Schematron message with its expressions shown in braces. -->
  <xsl:template match="sch:value-of" mode="message">{<xsl:value-of select="@select"/>}</xsl:template>
  <xsl:template match="sch:name" mode="message">{name}</xsl:template>

  <xsl:function name="odd:occurs" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="min" select="($ref/@minOccurs, '1')[1]"/>
    <xsl:variable name="max" select="($ref/@maxOccurs, '1')[1]"/>
    <xsl:sequence select="if ($max = 'unbounded') then (if ($min = '0') then '*' else '+') else if ($min = '0') then '?' else ''"/>
  </xsl:function>

  <!-- The elements a specification's content may hold, through its macros and classes. -->
  <xsl:function name="odd:children" as="xs:string*">
    <xsl:param name="spec" as="element()"/>
    <xsl:sequence select="distinct-values(odd:expand($spec/tei:content//(tei:elementRef | tei:classRef | tei:macroRef), ()))"/>
  </xsl:function>

  <xsl:function name="odd:expand" as="xs:string*">
    <xsl:param name="refs" as="element()*"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:for-each select="$refs[not(@key = $seen)]">
      <xsl:variable name="target" select="odd:spec(., @key)"/>
      <xsl:choose>
        <xsl:when test="self::tei:elementRef">
          <xsl:sequence select="string(@key)"/>
        </xsl:when>
        <xsl:when test="$target/self::tei:classSpec">
          <xsl:sequence select="odd:class-elements($target)"/>
        </xsl:when>
        <xsl:when test="$target/self::tei:macroSpec">
          <xsl:sequence select="odd:expand($target/tei:content//(tei:elementRef | tei:classRef | tei:macroRef), ($seen, @key))"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="odd:class-elements" as="xs:string*">
    <xsl:param name="class" as="element(tei:classSpec)"/>
    <xsl:for-each select="odd:members($class)">
      <xsl:sequence select="if (self::tei:elementSpec) then string(@ident) else odd:class-elements(.)"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="odd:anchor" as="xs:string">
    <xsl:param name="spec" as="element()?"/>
    <xsl:sequence select="if (empty($spec)) then 'missing'
      else if ($spec/self::tei:elementSpec) then concat('el-', $spec/@ident)
      else concat('spec-', $spec/@ident)"/>
  </xsl:function>

  <xsl:function name="odd:rule-id" as="xs:string">
    <xsl:param name="test" as="element()"/>
    <xsl:sequence select="string(($test/@id, $test/ancestor::tei:constraintSpec[1]/@ident)[1])"/>
  </xsl:function>
</xsl:stylesheet>
